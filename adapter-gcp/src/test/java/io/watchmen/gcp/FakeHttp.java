package io.watchmen.gcp;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request as Cloud Scheduler sends it through the Functions Framework, and a response that records the answer. */
final class FakeHttp {

    private FakeHttp() {
    }

    static final class Request implements HttpRequest {
        private final String method;
        private final Map<String, List<String>> headers;
        private final byte[] body;

        Request(String method, Map<String, List<String>> headers, byte[] body) {
            this.method = method;
            this.headers = headers;
            this.body = body;
        }

        @Override public String getMethod() { return method; }
        @Override public String getUri() { return "https://watchmen-ledger-purge.example/"; }
        @Override public String getPath() { return "/"; }
        @Override public Optional<String> getQuery() { return Optional.empty(); }
        @Override public Map<String, List<String>> getQueryParameters() { return Map.of(); }
        @Override public Map<String, HttpPart> getParts() { return Map.of(); }
        @Override public Optional<String> getContentType() { return Optional.of("application/octet-stream"); }
        @Override public long getContentLength() { return body.length; }
        @Override public Optional<String> getCharacterEncoding() { return Optional.empty(); }
        @Override public InputStream getInputStream() { return new ByteArrayInputStream(body); }
        @Override public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
        @Override public Map<String, List<String>> getHeaders() { return headers; }
    }

    static final class Response implements HttpResponse {
        int status = 200;
        String contentType;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override public void setStatusCode(int code) { status = code; }
        @Override public void setStatusCode(int code, String message) { status = code; }
        @Override public void setContentType(String type) { contentType = type; }
        @Override public Optional<String> getContentType() { return Optional.ofNullable(contentType); }
        @Override public void appendHeader(String name, String value) {
            headers.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(value);
        }
        @Override public Map<String, List<String>> getHeaders() { return headers; }
        @Override public OutputStream getOutputStream() { return body; }
        @Override public BufferedWriter getWriter() {
            return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }
    }
}

package io.watchmen.core.kernel;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard writer: POSTs {@code {"code", "data", "triggerType": "insert"}} to the writer's URL with
 * {@code Authorization: PAT <pat>}. A non-2xx answer is logged, not an error, as in the reference.
 */
final class StandardHttpWriter implements ExternalWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StandardHttpWriter.class);

    private final Duration timeout;
    /**
     * Built on the first write: most functions never write externally, and the client costs a cold start its
     * classes and a selector thread.
     */
    private volatile HttpClient client;

    StandardHttpWriter(Duration timeout) {
        this.timeout = timeout;
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = HttpClient.newBuilder().connectTimeout(timeout).build();
                    client = current;
                }
            }
        }
        return current;
    }

    @Override
    public void write(ExternalWriteRequest request) {
        if (request.currentData() == null || request.currentData().isEmpty()) {
            throw new WatchmenException(ErrorCode.EXTERNAL_WRITE_FAILED, "Current data cannot be empty for external writer.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", request.eventCode());
        body.put("data", request.currentData());
        body.put("triggerType", "insert");
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(WatchmenJson.mapper().writeValueAsString(body)));
            if (request.pat() != null && !request.pat().isBlank()) {
                builder.header("Authorization", "PAT " + request.pat());
            }
            HttpResponse<String> response = client().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                LOG.warn("External writer[url={}] answered status {}.", request.url(), response.statusCode());
            }
        } catch (IOException failure) {
            throw new WatchmenException(ErrorCode.EXTERNAL_WRITE_FAILED,
                    "External writer[url=" + request.url() + "] failed: " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new WatchmenException(ErrorCode.EXTERNAL_WRITE_FAILED, "External writer interrupted.", interrupted);
        }
    }
}

package io.watchmen.aliyun;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;
import com.sun.net.httpserver.Headers;
import java.io.PrintStream;

/** The fc-java-core context of one custom-runtime request, built from FC's {@code x-fc-*} headers. */
final class FcHttpContext implements Context {

    private final Headers headers;
    private final FunctionComputeLogger logger;

    FcHttpContext(Headers headers, PrintStream out) {
        this.headers = headers;
        this.logger = new StdoutLogger(out);
    }

    private String header(String name) {
        return headers.getFirst(name);
    }

    @Override
    public String getRequestId() {
        return header("x-fc-request-id");
    }

    @Override
    public Credentials getExecutionCredentials() {
        String id = header("x-fc-access-key-id");
        if (id == null) {
            return null;
        }
        String secret = header("x-fc-access-key-secret");
        String token = header("x-fc-security-token");
        return new Credentials() {
            @Override public String getAccessKeyId() { return id; }
            @Override public String getAccessKeySecret() { return secret; }
            @Override public String getSecurityToken() { return token; }
        };
    }

    @Override
    public FunctionParam getFunctionParam() {
        return null;
    }

    @Override
    public Service getService() {
        return null;
    }

    @Override
    public FunctionComputeLogger getLogger() {
        return logger;
    }

    @Override
    public OpenTracing getTracing() {
        return null;
    }

    @Override
    public int getRetryCount() {
        String count = header("x-fc-retry-count");
        try {
            return count == null ? 0 : Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** FC collects a custom runtime's standard output. */
    private static final class StdoutLogger implements FunctionComputeLogger {
        private final PrintStream out;
        private volatile Level level = Level.INFO;

        StdoutLogger(PrintStream out) {
            this.out = out;
        }

        private void log(Level at, String message) {
            if (at.ordinal() >= level.ordinal()) {
                out.println(message);
            }
        }

        @Override public void trace(String string) { log(Level.TRACE, string); }
        @Override public void debug(String string) { log(Level.DEBUG, string); }
        @Override public void info(String string) { log(Level.INFO, string); }
        @Override public void warn(String string) { log(Level.WARN, string); }
        @Override public void error(String string) { log(Level.ERROR, string); }
        @Override public void fatal(String string) { log(Level.FATAL, string); }
        @Override public void setLogLevel(Level level) { this.level = level; }
    }
}

package io.watchmen.aliyun;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;
import java.util.ArrayList;
import java.util.List;

/** An FC context with fixed STS credentials that records what the handler logs. */
final class StubContext implements Context {

    final List<String> lines = new ArrayList<>();
    private final String requestId;

    StubContext(String requestId) {
        this.requestId = requestId;
    }

    @Override public String getRequestId() { return requestId; }

    @Override
    public Credentials getExecutionCredentials() {
        return new Credentials() {
            @Override public String getAccessKeyId() { return "STS.test"; }
            @Override public String getAccessKeySecret() { return "test-secret"; }
            @Override public String getSecurityToken() { return "test-token"; }
        };
    }

    @Override public FunctionParam getFunctionParam() { return null; }
    @Override public Service getService() { return null; }
    @Override public OpenTracing getTracing() { return null; }
    @Override public int getRetryCount() { return 0; }

    @Override
    public FunctionComputeLogger getLogger() {
        return new FunctionComputeLogger() {
            @Override public void trace(String string) { lines.add(string); }
            @Override public void debug(String string) { lines.add(string); }
            @Override public void info(String string) { lines.add(string); }
            @Override public void warn(String string) { lines.add(string); }
            @Override public void error(String string) { lines.add(string); }
            @Override public void fatal(String string) { lines.add(string); }
            @Override public void setLogLevel(Level level) { }
        };
    }
}

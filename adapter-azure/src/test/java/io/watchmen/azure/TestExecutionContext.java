package io.watchmen.azure;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** An execution context that records what the function logs. */
final class TestExecutionContext implements ExecutionContext {

    final List<String> lines = new ArrayList<>();
    private final String invocationId;
    private final Logger logger;

    TestExecutionContext(String invocationId) {
        this.invocationId = invocationId;
        this.logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override public void publish(LogRecord record) { lines.add(record.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        });
    }

    @Override public Logger getLogger() { return logger; }
    @Override public String getInvocationId() { return invocationId; }
    @Override public String getFunctionName() { return "watchmenBlobTrigger"; }
}

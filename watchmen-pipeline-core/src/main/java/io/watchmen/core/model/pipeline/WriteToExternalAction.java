package io.watchmen.core.model.pipeline;

/** {@code write-to-external}: hands the current data to an external writer. */
public record WriteToExternalAction(String actionId, String externalWriterId, String eventCode) implements Action {

    @Override
    public String type() {
        return "write-to-external";
    }
}

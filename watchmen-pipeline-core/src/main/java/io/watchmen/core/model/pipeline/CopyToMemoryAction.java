package io.watchmen.core.model.pipeline;

/** {@code copy-to-memory}: evaluates a parameter into a variable. */
public record CopyToMemoryAction(String actionId, String variableName, Parameter source) implements Action {

    @Override
    public String type() {
        return "copy-to-memory";
    }
}

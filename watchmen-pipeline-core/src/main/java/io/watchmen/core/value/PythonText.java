package io.watchmen.core.value;

/** Renders values as the reference's {@code str()} does wherever it concatenates them (spec pipeline 3.10). */
public final class PythonText {

    private PythonText() {
    }

    /** null → {@code None}, booleans → {@code True}/{@code False}, dates ISO with a space, lists/maps as Python literals. */
    public static String str(Object value) {
        throw new UnsupportedOperationException("implemented by the value package");
    }
}

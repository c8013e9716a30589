package io.watchmen.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/develop-a-function.md shows the example functions exactly as they compile and run in this module. */
class DevelopAFunctionDocTest {

    private static final Path DOC = Path.of("..", "docs", "develop-a-function.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "watchmen", "samples", "function");

    @Test
    void doc_containsTheExampleFunctions_verbatim() throws Exception {
        String doc = Files.readString(DOC);

        for (String example : new String[] {"StorageObjectFunction.java", "CustomPipelineFunction.java"}) {
            String source = Files.readString(SOURCES.resolve(example)).strip();
            assertThat(doc).as(example + " in " + DOC).contains(source);
        }
    }
}

package io.watchmen.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code footprint} scenario: each adapter's deployable artifact, the AWS jar's shaded dependencies, and the
 * live heap after 10,000 and after 100,000 triggers on in-memory H2 (the tables emptied every 10,000, so that
 * H2's rows do not count as ours).
 */
final class FootprintScenario {

    /** Heap in bytes; sizes as printed ("AWS watchmen-aws-lambda.jar 11.0 MB; ..."). */
    record Result(long heapAfterTen, long heapAfterHundred, int awsDependencies, String sizes) {
    }

    private FootprintScenario() {
    }

    static Result run() throws Exception {
        StringBuilder sizes = new StringBuilder();
        // the deployable artifact of each adapter (the thin module jars are build intermediates)
        Map<String, Path> artifacts = new LinkedHashMap<>();
        artifacts.put("AWS", Path.of("adapter-aws", "target", "watchmen-aws-lambda.jar"));
        artifacts.put("Alibaba", Path.of("adapter-aliyun", "target", "fc", "watchmen-aliyun-fc.jar"));
        artifacts.put("Google", Path.of("adapter-gcp", "target", "watchmen-gcp-function.jar"));
        artifacts.put("Azure", Path.of("adapter-azure", "target", "azure-functions", "watchmen-pipelines"));
        artifacts.forEach((cloud, path) -> {
            if (Files.exists(path)) {
                sizes.append(String.format("%s %s %.1f MB; ", cloud, path.getFileName(), sizeOf(path) / 1_048_576.0));
            } else {
                sizes.append(cloud).append(" not built (mvn package); ");
            }
        });
        int dependencies = dependencyCount(Path.of("adapter-aws", "target", "watchmen-aws-lambda.jar"));
        try (BenchFixture fixture = BenchFixture.open("jdbc:h2:mem:bench_footprint;DB_CLOSE_DELAY=-1", "sa", "", 2)) {
            Bench.runOurs(fixture, "F1", 10_000);
            fixture.reset();
            fixture.resetLedger();
            long afterTen = liveHeap();
            for (int block = 2; block <= 10; block++) {
                fixture.reset();
                fixture.resetLedger();
                Bench.runOurs(fixture, "F" + block, 10_000);
            }
            fixture.reset();
            fixture.resetLedger();
            return new Result(afterTen, liveHeap(), dependencies, sizes.toString());
        }
    }

    /** Maven artifacts shaded into a jar (one pom.properties each). */
    private static int dependencyCount(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return -1;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            return (int) zip.stream().filter(e -> e.getName().startsWith("META-INF/maven/")
                    && e.getName().endsWith("/pom.properties")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long sizeOf(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (var files = Files.walk(path)) {
                    return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
                }
            }
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

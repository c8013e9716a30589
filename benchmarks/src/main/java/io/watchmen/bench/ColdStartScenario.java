package io.watchmen.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start in separate processes: JVM start to first object done with the AWS adapter's shaded jar, its
 * handler invoked as Lambda does, on embedded H2 (a file database) and on the --db database, against a hello
 * world on the same JVM. The object is served by a small S3 stand-in over HTTP (WATCHMEN_S3_ENDPOINT). Variants:
 * default flags, -XX:TieredStopAtLevel=1, AppCDS (a dynamic archive of a training run), and both.
 */
final class ColdStartScenario {

    static final Path AWS_JAR = Path.of("adapter-aws", "target", "watchmen-aws-lambda.jar");

    /** A variant's JVM flags. */
    record Variant(String name, List<String> flags) {
    }

    private final Path work;
    private final Path jsa;
    private final byte[] object = BenchFixture.orderObject("cold-1", "C-1", "10.5");
    private int invocation;

    private ColdStartScenario(Path work) {
        this.work = work;
        this.jsa = work.resolve("watchmen-aws.jsa");
    }

    /** Medians in milliseconds by label, in run order; empty when the AWS jar is not built. */
    static Map<String, Measurement> run(String dbUrl, String dbUser, String dbPassword, int rounds)
            throws Exception {
        if (!Files.isRegularFile(AWS_JAR)) {
            System.out.println("coldstart: " + AWS_JAR + " not built (mvn -pl adapter-aws -am package): skipped");
            return Map.of();
        }
        Path work = Files.createTempDirectory("watchmen-coldstart");
        ColdStartScenario scenario = new ColdStartScenario(work);
        scenario.copyClass(ColdStartMain.class);
        scenario.copyClass(HelloMain.class);
        String h2 = "jdbc:h2:file:" + work.resolve("meta").toAbsolutePath();
        try (BenchFixture fixture = BenchFixture.open(h2, "sa", "", 2)) {
            fixture.runtime.prime();
        }
        try (BenchFixture fixture = BenchFixture.open(dbUrl, dbUser, dbPassword, 2)) {
            fixture.runtime.prime();
        }
        HttpServer s3 = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s3.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"bench\"");
            exchange.sendResponseHeaders(200, scenario.object.length);
            exchange.getResponseBody().write(scenario.object);
            exchange.close();
        });
        s3.start();
        try {
            String endpoint = "http://127.0.0.1:" + s3.getAddress().getPort();
            // the AWS jar ships MySQL Connector/J only, which speaks to MariaDB too
            String childUrl = dbUrl.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + dbUrl.substring(13) : dbUrl;
            // the training run writes the AppCDS archive (the build would ship it beside the jar)
            scenario.ours(h2, "sa", "", endpoint, List.of("-XX:ArchiveClassesAtExit=" + scenario.jsa));
            List<Variant> variants = List.of(new Variant("default", List.of()),
                    new Variant("C1", List.of("-XX:TieredStopAtLevel=1")),
                    new Variant("AppCDS", List.of("-XX:SharedArchiveFile=" + scenario.jsa)),
                    new Variant("C1+AppCDS", List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile="
                            + scenario.jsa)));
            Map<String, Measurement> results = new LinkedHashMap<>();
            results.put("hello world", new Measurement());
            for (Variant variant : variants) {
                results.put("h2 " + variant.name(), new Measurement());
            }
            results.put("db default", new Measurement());
            results.put("db C1+AppCDS", new Measurement());
            for (int round = 0; round < rounds; round++) {
                results.get("hello world").add(scenario.hello());
                for (Variant variant : variants) {
                    results.get("h2 " + variant.name()).add(scenario.ours(h2, "sa", "", endpoint, variant.flags()));
                }
                results.get("db default").add(scenario.ours(childUrl, dbUser, dbPassword, endpoint, List.of()));
                results.get("db C1+AppCDS").add(scenario.ours(childUrl, dbUser, dbPassword, endpoint,
                        variants.get(3).flags()));
            }
            return results;
        } finally {
            s3.stop(0);
        }
    }

    private double hello() throws Exception {
        return time(List.of(java(), "-cp", work.toString(), HelloMain.class.getName()), Map.of());
    }

    private double ours(String url, String user, String password, String endpoint, List<String> flags)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(flags);
        command.add("-cp");
        command.add(work + java.io.File.pathSeparator + AWS_JAR.toAbsolutePath() + java.io.File.pathSeparator
                + lambdaCoreJar() + (url.startsWith("jdbc:h2:") ? java.io.File.pathSeparator + h2Jar() : ""));
        command.add(ColdStartMain.class.getName());
        invocation++;
        command.addAll(List.of("bench", "cold/" + ProcessHandle.current().pid() + "-" + invocation + ".json",
                "v" + System.nanoTime(), Integer.toString(object.length)));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WATCHMEN_META_JDBC_URL", url);
        env.put("META_STORAGE_USER_NAME", user);
        env.put("META_STORAGE_PASSWORD", password);
        env.put("WATCHMEN_S3_ENDPOINT", endpoint);
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("AWS_REGION", "us-east-1");
        return time(command, env);
    }

    /** Milliseconds from process start to its {@code done} line. */
    private static double time(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        double millis = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("done") && millis < 0) {
                    millis = (System.nanoTime() - start) / 1e6;
                }
                output.add(line);
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS) || millis < 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Cold-start child failed: " + String.join("\n", output.subList(
                    Math.max(0, output.size() - 30), output.size())));
        }
        return millis;
    }

    private void copyClass(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        Path target = work.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The Lambda runtime provides aws-lambda-java-core; here it comes from the local Maven repository. */
    /** The Lambda jar ships no H2 (a function has no local disk worth a database): the H2 runs add it beside. */
    private static String h2Jar() {
        String configured = System.getProperty("watchmen.bench.h2Jar");
        if (configured != null) {
            return configured;
        }
        String version = org.h2.engine.Constants.VERSION;
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "h2database", "h2", version,
                "h2-" + version + ".jar").toString();
    }

    private static String lambdaCoreJar() {
        String configured = System.getProperty("watchmen.bench.lambdaCoreJar");
        if (configured != null) {
            return configured;
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "amazonaws",
                "aws-lambda-java-core", "1.4.0", "aws-lambda-java-core-1.4.0.jar").toString();
    }
}

package io.watchmen.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Cold start in separate processes: JVM start to first object done with the AWS adapter's shaded jar, its
 * handler invoked as Lambda does, on embedded H2 (a file database) and on the --db database, against a hello
 * world on the same JVM. The object is served by a small S3 stand-in over HTTP (WATCHMEN_S3_ENDPOINT). Variants:
 * default flags, C1 only ({@code -XX:TieredStopAtLevel=1}), the build's AppCDS archive
 * ({@code watchmen-aws-lambda.jsa}, adapter-aws/pom.xml) with and without C1, and a dynamic archive trained here
 * on this very workload (what AppCDS can do at best). The handler builds the core runtime on an init thread while it
 * builds the S3 client; "sequential init" variants build it the old way (on the first object), "1 CPU" variants run
 * the JVM on one CPU ({@code taskset -c 0}: a Lambda function below 1,769 MB has one vCPU), and the GC, PerfData
 * and compiler-thread variants time flags that only a measurement can adopt.
 *
 * <p>Every child has the same class path, the archive's dump class path (the jar, aws-lambda-java-core, H2) and
 * then the child's own jar: a JVM maps an archive only when its class path starts with the dumped one, and CDS
 * archives no class from a directory. Archive variants run with {@code -Xshare:on}, so a rejected archive fails
 * loudly (the variant is then skipped with the JVM's reason) instead of silently timing a JVM without it.
 */
final class ColdStartScenario {

    static final Path AWS_JAR = Path.of("adapter-aws", "target", "watchmen-aws-lambda.jar");
    static final Path AWS_ARCHIVE = Path.of("adapter-aws", "target", "watchmen-aws-lambda.jsa");
    static final Path AWS_ARCHIVE_CLASSPATH = Path.of("adapter-aws", "target", "watchmen-aws-lambda.jsa.classpath");
    /** What docs/aws.md recommends where the JVM can map an archive (self-hosted runs, container images). */
    static final String DOCUMENTED = "h2 C1+AppCDS 1 compiler thread";
    private static final String C1 = "-XX:TieredStopAtLevel=1";
    private static final String ONE_COMPILER_THREAD = "-XX:CICompilerCount=1";
    private static final List<String> ONE_CPU = List.of("taskset", "-c", "0");
    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    /**
     * A variant's JVM flags, the database it runs on, whether it needs an archive that may be missing, a launcher
     * the JVM runs under (empty: none), and whether the handler is built without the init thread.
     */
    private record Variant(String name, boolean h2, List<String> flags, Path archive, List<String> launcher,
                           boolean sequential) {

        Variant(String name, boolean h2, List<String> flags, Path archive) {
            this(name, h2, flags, archive, List.of(), false);
        }

        Variant sequentialInit() {
            return new Variant(name + " sequential init", h2, flags, archive, launcher, true);
        }

        Variant oneCpu() {
            return new Variant(name + " 1 CPU", h2, flags, archive, ONE_CPU, sequential);
        }

        Variant with(String label, String... more) {
            List<String> all = new ArrayList<>(flags);
            all.addAll(List.of(more));
            return new Variant(name + " " + label, h2, all, archive, launcher, sequential);
        }
    }

    /** How one child runs: flags, launcher and init mode. */
    private record Launch(List<String> launcher, List<String> flags, boolean sequential) {
    }

    /**
     * One variant: times in milliseconds, and from one untimed run the classes loaded and how many of them came
     * from the archive.
     */
    record Result(Measurement millis, int classes, int archived) {
    }

    /** Results by label, in run order, and the variants skipped with the reason. */
    record Report(Map<String, Result> results, Map<String, String> skipped) {
    }

    private final Path work;
    private final Path childJar;
    private final Path dynamicArchive;
    private final byte[] object = BenchFixture.orderObject("cold-1", "C-1", "10.5");
    private int invocation;

    private ColdStartScenario(Path work) {
        this.work = work;
        this.childJar = work.resolve("coldstart-main.jar");
        this.dynamicArchive = work.resolve("trained-here.jsa");
    }

    /** Empty results when the AWS jar is not built. */
    static Report run(String dbUrl, String dbUser, String dbPassword, int rounds) throws Exception {
        if (!Files.isRegularFile(AWS_JAR)) {
            System.out.println("coldstart: " + AWS_JAR + " not built (mvn -pl adapter-aws -am package): skipped");
            return new Report(Map.of(), Map.of());
        }
        Path work = Files.createTempDirectory("watchmen-coldstart");
        ColdStartScenario scenario = new ColdStartScenario(work);
        scenario.writeChildJar();
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
            // the AWS jar ships MariaDB Connector/J, which takes jdbc:mysql: URLs too
            String childUrl = dbUrl.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + dbUrl.substring(13) : dbUrl;
            Map<String, String> h2Env = environment(h2, "sa", "", endpoint);
            Map<String, String> dbEnv = environment(childUrl, dbUser, dbPassword, endpoint);
            // the upper bound: a dynamic archive (over the JDK's own) of exactly this workload
            scenario.ours(h2Env, new Launch(List.of(), List.of("-XX:ArchiveClassesAtExit=" + scenario.dynamicArchive),
                    false));
            Variant c1 = new Variant("h2 C1", true, List.of(C1), null);
            Variant c1AppCds = new Variant("h2 C1+AppCDS", true, List.of(C1), AWS_ARCHIVE);
            Variant documented = c1AppCds.with("1 compiler thread", ONE_COMPILER_THREAD);
            Variant db = new Variant("db C1+AppCDS", false, List.of(C1), AWS_ARCHIVE)
                    .with("1 compiler thread", ONE_COMPILER_THREAD);
            List<Variant> variants = List.of(
                    new Variant("h2 default", true, List.of(), null),
                    c1,
                    c1.sequentialInit(),
                    c1.with("1 compiler thread", ONE_COMPILER_THREAD),
                    c1.with("SerialGC", "-XX:+UseSerialGC"),
                    new Variant("h2 AppCDS", true, List.of(), AWS_ARCHIVE),
                    c1AppCds,
                    documented,
                    documented.sequentialInit(),
                    documented.oneCpu(),
                    documented.sequentialInit().oneCpu(),
                    documented.with("SerialGC", "-XX:+UseSerialGC"),
                    documented.with("-UsePerfData", "-XX:-UsePerfData"),
                    new Variant("h2 C1+AppCDS trained here", true, List.of(C1), scenario.dynamicArchive),
                    new Variant("db default", false, List.of(), null),
                    new Variant("db C1", false, List.of(C1), null),
                    new Variant("db C1+AppCDS", false, List.of(C1), AWS_ARCHIVE),
                    db,
                    db.sequentialInit());
            Map<String, String> skipped = new LinkedHashMap<>();
            Map<String, Result> results = new LinkedHashMap<>();
            results.put("hello world", new Result(new Measurement(), 0, 0));
            List<Variant> running = new ArrayList<>();
            for (Variant variant : variants) {
                try {
                    int[] classes = scenario.countClasses(variant.h2() ? h2Env : dbEnv, launch(variant));
                    results.put(variant.name(), new Result(new Measurement(), classes[0], classes[1]));
                    running.add(variant);
                } catch (IllegalStateException | IOException e) {
                    skipped.put(variant.name(), String.join(" / ", e.getMessage().lines()
                            .filter(line -> !line.isBlank()).limit(3).toList()));
                }
            }
            for (int round = 0; round < rounds; round++) {
                results.get("hello world").millis().add(scenario.hello());
                for (Variant variant : running) {
                    results.get(variant.name()).millis().add(scenario.ours(variant.h2() ? h2Env : dbEnv,
                            launch(variant)));
                }
            }
            return new Report(results, skipped);
        } finally {
            s3.stop(0);
        }
    }

    private static Launch launch(Variant variant) throws IOException {
        if (!variant.launcher().isEmpty() && !Files.isExecutable(TASKSET)) {
            throw new IOException(TASKSET + " is missing");
        }
        List<String> flags = new ArrayList<>(variant.flags());
        if (variant.archive() != null) {
            if (!Files.isRegularFile(variant.archive())) {
                throw new IOException(variant.archive() + " is missing (the adapter was built without tests?)");
            }
            flags.add("-Xshare:on");
            flags.add("-XX:SharedArchiveFile=" + variant.archive().toAbsolutePath());
        }
        return new Launch(variant.launcher(), flags, variant.sequential());
    }

    private static Map<String, String> environment(String url, String user, String password, String endpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WATCHMEN_META_JDBC_URL", url);
        env.put("META_STORAGE_USER_NAME", user);
        env.put("META_STORAGE_PASSWORD", password);
        env.put("WATCHMEN_S3_ENDPOINT", endpoint);
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    /** The middle of three runs: a 30 ms process is at the mercy of one scheduling hiccup on a shared machine. */
    private double hello() throws Exception {
        double[] runs = new double[3];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = time(List.of(java(), "-cp", work.toString(), HelloMain.class.getName()), Map.of());
        }
        java.util.Arrays.sort(runs);
        return runs[1];
    }

    private double ours(Map<String, String> env, Launch launch) throws Exception {
        List<String> command = new ArrayList<>(launch.launcher());
        command.add(java());
        command.addAll(launch.flags());
        command.add("-cp");
        command.add(classPath());
        command.add(ColdStartMain.class.getName());
        invocation++;
        command.addAll(List.of("bench", "cold/" + ProcessHandle.current().pid() + "-" + invocation + ".json",
                "v" + System.nanoTime(), Integer.toString(object.length)));
        if (launch.sequential()) {
            command.add("sequential");
        }
        return time(command, env);
    }

    /** Classes loaded by one untimed run, and how many of them came from a CDS archive. */
    private int[] countClasses(Map<String, String> env, Launch launch) throws Exception {
        Path log = work.resolve("classes-" + (invocation + 1) + ".txt");
        List<String> logged = new ArrayList<>(launch.flags());
        logged.add("-Xlog:class+load=info:file=" + log);
        ours(env, new Launch(launch.launcher(), logged, launch.sequential()));
        List<String> lines = Files.readAllLines(log).stream().filter(line -> line.contains(" source: ")).toList();
        int archived = (int) lines.stream().filter(line -> line.contains("source: shared objects file")).count();
        return new int[] {lines.size(), archived};
    }

    /** The archive's dump class path, then the child's jar (no directory: CDS ignores classes from directories). */
    private String classPath() throws IOException {
        String dumped = Files.isRegularFile(AWS_ARCHIVE_CLASSPATH)
                ? Files.readString(AWS_ARCHIVE_CLASSPATH).strip()
                : String.join(File.pathSeparator, AWS_JAR.toAbsolutePath().toString(), lambdaCoreJar(), h2Jar());
        return dumped + File.pathSeparator + childJar;
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

    private void writeChildJar() throws IOException {
        String resource = ColdStartMain.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ColdStartMain.class.getClassLoader().getResourceAsStream(resource);
             OutputStream file = Files.newOutputStream(childJar);
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry(resource));
            in.transferTo(jar);
            jar.closeEntry();
        }
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

    /** The Lambda runtime provides aws-lambda-java-core; here it comes from the local Maven repository. */
    private static String lambdaCoreJar() {
        String configured = System.getProperty("watchmen.bench.lambdaCoreJar");
        if (configured != null) {
            return configured;
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "amazonaws",
                "aws-lambda-java-core", "1.4.0", "aws-lambda-java-core-1.4.0.jar").toString();
    }
}

package dev.botlink.sandbox.host;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the command line of a worker process from a worker distribution (built by {@code mvn package} into
 * {@code sandbox/target/worker}: {@code lib/} jars, {@code jit/} Graal compiler jars, {@code python-home/}
 * pre-extracted GraalPy resources) and starts it. The worker dials {@code host} and authenticates with the token,
 * which is passed in the environment (variable {@value #TOKEN_ENV}) so it does not show in process listings.
 *
 * @param javaHome a JDK 25 (the worker refuses older ones)
 * @param workerDir the distribution directory
 * @param extraClasspath entries put before {@code lib/*} (tests use the module's compiled classes)
 * @param maxHeap the worker's own heap cap, e.g. {@code "1g"}
 * @param allowInterpreted let the worker run without the JIT (it refuses by default)
 * @param systemProperties further {@code -D} options for the worker (limits, see docs/sandbox.md); an entry that
 *     starts with {@code -} is passed to the JVM as it is (e.g. {@code -XX:+UseZGC}, used by the benchmark)
 */
public record WorkerLauncher(
        Path javaHome,
        Path workerDir,
        List<Path> extraClasspath,
        String maxHeap,
        boolean allowInterpreted,
        List<String> systemProperties) {
    public static final String TOKEN_ENV = "BOTLINK_WORKER_TOKEN";
    public static final String MAIN_CLASS = "dev.botlink.sandbox.worker.WorkerMain";

    public WorkerLauncher {
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(workerDir, "workerDir");
        extraClasspath = List.copyOf(extraClasspath);
        systemProperties = List.copyOf(systemProperties);
        if (!maxHeap.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("maxHeap must look like 512m or 2g, was " + maxHeap);
        }
    }

    /** A launcher for the distribution at {@code workerDir}, using the JDK running this process. */
    public static WorkerLauncher of(Path workerDir) {
        return new WorkerLauncher(
                Path.of(System.getProperty("java.home")), workerDir, List.of(), "1g", false, List.of());
    }

    public WorkerLauncher withExtraClasspath(List<Path> entries) {
        return new WorkerLauncher(javaHome, workerDir, entries, maxHeap, allowInterpreted, systemProperties);
    }

    public WorkerLauncher withMaxHeap(String heap) {
        return new WorkerLauncher(javaHome, workerDir, extraClasspath, heap, allowInterpreted, systemProperties);
    }

    public WorkerLauncher withSystemProperties(List<String> properties) {
        return new WorkerLauncher(javaHome, workerDir, extraClasspath, maxHeap, allowInterpreted, properties);
    }

    /** The exact command line of a worker. */
    public List<String> command(String workerId, InetSocketAddress host) {
        Path jit = workerDir.resolve("jit");
        var command = new ArrayList<String>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        if (Files.isDirectory(jit)) {
            command.add("-XX:+UnlockExperimentalVMOptions");
            command.add("-XX:+EnableJVMCI");
            command.add("--upgrade-module-path=" + jit);
        }
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.add("-Dpolyglot.engine.resourcePath=" + workerDir.resolve("python-home"));
        command.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        // A worker never writes to the user's home: caches and temp files stay in the distribution's run dir.
        command.add("-Duser.home=" + workerDir.resolve("run"));
        command.add("-Djava.io.tmpdir=" + workerDir.resolve("run"));
        systemProperties.forEach(p -> command.add(p.startsWith("-") ? p : "-D" + p));
        command.add("-cp");
        command.add(classpath());
        command.add(MAIN_CLASS);
        command.add("--host=" + host.getHostString() + ":" + host.getPort());
        command.add("--worker-id=" + workerId);
        if (allowInterpreted) {
            command.add("--allow-interpreted");
        }
        return command;
    }

    private String classpath() {
        var entries = new ArrayList<String>();
        extraClasspath.forEach(p -> entries.add(p.toString()));
        entries.add(workerDir.resolve("lib") + File.separator + "*");
        return String.join(File.pathSeparator, entries);
    }

    /** Starts a worker; its output goes to {@code logFile} (appended). */
    public Process start(String workerId, InetSocketAddress host, String token, Path logFile) throws IOException {
        if (!Files.isDirectory(workerDir.resolve("lib"))) {
            throw new IOException("no worker distribution at " + workerDir + ": run mvn package in sandbox first");
        }
        Files.createDirectories(workerDir.resolve("run"));
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        var builder = new ProcessBuilder(command(workerId, host))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put(TOKEN_ENV, token);
        return builder.start();
    }
}

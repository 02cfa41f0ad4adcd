package dev.botlink.platform.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway platform for one CLI run: the packaged platform ({@code quarkus-app/quarkus-run.jar}) started on a free
 * loopback port with an H2 database in a temporary directory and local sandbox workers, stopped (with its workers)
 * and deleted afterwards, also when the CLI is interrupted.
 */
final class LocalPlatform implements AutoCloseable {

    static final class StartFailed extends RuntimeException {
        StartFailed(String message) {
            super(message);
        }
    }

    private static final Duration READY_WITHIN = Duration.ofMinutes(3);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Thread cleanup = new Thread(this::stop, "botlink-cli-cleanup");

    private LocalPlatform(Process process, Path dataDir, Path log, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Starts the platform of {@code home} (the repository: platform/target/quarkus-app, sandbox/target/worker). */
    static LocalPlatform start(Path home) {
        Path app = home.resolve("platform/target/quarkus-app");
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StartFailed("no packaged platform at " + jar + " (./botlink backtest builds it when missing)");
        }
        int port = freePort();
        try {
            Path dataDir = Files.createTempDirectory("botlink-backtest-");
            Path log = dataDir.resolve("platform.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m",
                    "-Dbotlink.data-dir=" + dataDir,
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dbotlink.sandbox.worker-dir=" + home.resolve("sandbox/target/worker")));
            if (Files.isRegularFile(app.resolve("app.aot"))) {
                command.add("-XX:AOTCache=" + app.resolve("app.aot"));
            }
            command.addAll(List.of("-jar", jar.toString()));
            // From the application's directory: with the AOT cache the JVM resolves the jar's relative class path
            // there.
            Process process = new ProcessBuilder(command)
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new LocalPlatform(process, dataDir, log, port);
        } catch (IOException e) {
            throw new StartFailed("could not start the platform: " + e.getMessage());
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the platform answers {@code /q/health/ready}; fails with the log's end if it exits or hangs. */
    void awaitReady(HttpClient http) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StartFailed("the platform exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailed("interrupted while the platform started");
            }
            pause();
        }
        throw new StartFailed(
                "the platform was not ready within " + READY_WITHIN.toMinutes() + " minutes:\n" + logTail());
    }

    /** The last lines of the platform's log, for error messages. */
    String logTail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDownAlready) {
            // The hook runs (or ran) stop() itself.
        }
    }

    /** SIGTERM, then SIGKILL after 30 s; the workers go too; the temporary directory is deleted. Idempotent. */
    private synchronized void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("botlink: could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StartFailed("no free port: " + e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

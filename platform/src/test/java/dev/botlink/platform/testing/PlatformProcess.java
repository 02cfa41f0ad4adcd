package dev.botlink.platform.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The packaged platform ({@code target/quarkus-app/quarkus-run.jar}) as a real process with an H2 file database in
 * {@code dataDir}, for tests and benchmarks of what only a whole process shows: start-up, crashes, restarts.
 */
public final class PlatformProcess implements AutoCloseable {

    private static final String WORKER_MAIN = "dev.botlink.sandbox.worker.WorkerMain";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private PlatformProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the platform on {@code port} with its data in {@code dataDir}; {@code settings} become -D options. */
    public static PlatformProcess start(Path dataDir, int port, Map<String, String> settings) {
        Path jar = Path.of(System.getProperty("botlink.platform.jar", "target/quarkus-app/quarkus-run.jar"));
        Path workers = Path.of(System.getProperty("botlink.sandbox.worker-dir", "../sandbox/target/worker"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged platform at " + jar.toAbsolutePath() + ": run mvn package");
        }
        // quarkus-run.jar's manifest opens java.lang (Add-Opens); the same option on the command line would make
        // the JVM refuse the AOT cache built at packaging (its module options must match the training run's).
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dbotlink.data-dir=" + dataDir.toAbsolutePath(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dbotlink.sandbox.worker-dir=" + workers.toAbsolutePath().normalize()));
        Path aotCache = jar.toAbsolutePath().resolveSibling("app.aot");
        if (Files.isRegularFile(aotCache)) {
            command.add("-XX:AOTCache=" + aotCache);
        }
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        try {
            Files.createDirectories(dataDir);
            Path log = Files.createTempFile(dataDir, "platform-", ".log");
            // From the application's directory: with the AOT cache the JVM resolves quarkus-run.jar's relative
            // class path there (started elsewhere, Quarkus' entry point fails to find its own jar).
            Process process = new ProcessBuilder(command)
                    .directory(jar.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new PlatformProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the platform", e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs {@code username} up and logs in over HTTP: the session token. */
    public String signUpAndLogIn(String username, String password) {
        Map<String, String> credentials = Map.of("username", username, "password", password);
        RestAssured.given()
                .baseUri(baseUrl())
                .contentType(ContentType.JSON)
                .body(credentials)
                .post("/api/auth/signup")
                .then()
                .statusCode(201);
        return RestAssured.given()
                .baseUri(baseUrl())
                .contentType(ContentType.JSON)
                .body(credentials)
                .post("/api/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    /** A request to this platform carrying {@code token}. */
    public RequestSpecification as(String token) {
        return RestAssured.given().baseUri(baseUrl()).header("Authorization", "Bearer " + token);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process exits. */
    public PlatformProcess awaitReady(Duration within) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Awaitility.await("platform ready (log: " + log + ")")
                .atMost(within)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "the platform exited with " + process.exitValue() + "; see " + log);
                    }
                    try {
                        return HTTP.send(ready, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
        return this;
    }

    /** The sandbox worker processes this platform runs now. */
    public List<ProcessHandle> workers() {
        return process.descendants()
                .filter(child -> child.info()
                        .arguments()
                        .map(args -> List.of(args).contains(WORKER_MAIN))
                        .orElse(false))
                .toList();
    }

    /** {@code kill -9}: no shutdown hooks, no last save. Its workers are killed too, so nothing outlives the test. */
    public void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        awaitExit(process.toHandle());
        children.forEach(child -> {
            child.destroyForcibly();
            awaitExit(child);
        });
    }

    /** A normal stop (SIGTERM), then {@link #kill()} if it takes longer than a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("process " + handle.pid() + " did not exit after SIGKILL", e);
        }
    }
}

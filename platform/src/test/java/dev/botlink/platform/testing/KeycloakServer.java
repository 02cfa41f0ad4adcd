package dev.botlink.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real Keycloak ({@code keycloak-quarkus-dist}, unpacked into {@code target/keycloak} by the build) on a free
 * loopback port with the {@code botlink} realm of {@code keycloak/botlink-realm.json}: users alice and bob, public
 * client {@code botlink-ide} with the password grant. In-memory database, so every start is fresh. Started once per
 * test profile that lists it, stopped (and its process tree ended) when that profile's tests are done.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "botlink";
    public static final String CLIENT_ID = "botlink-ide";
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);

    private Process process;

    /** Where the build unpacked Keycloak; absent only when the build could not resolve its zip. */
    public static Path home() {
        return Path.of(System.getProperty("botlink.keycloak.home", "target/keycloak/keycloak-26.7.3"));
    }

    /** For {@code @EnabledIf}: true when the Keycloak distribution is there to start. */
    public static boolean distributionPresent() {
        return Files.isExecutable(home().resolve("bin/kc.sh"));
    }

    @Override
    public Map<String, String> start() {
        Path home = home();
        int port = freePort();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/botlink-realm.json")) {
                Files.copy(realm, imports.resolve("botlink-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path log = home.resolve("keycloak-test.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            home.resolve("bin/kc.sh").toString(),
                            "start-dev",
                            "--http-host=127.0.0.1",
                            "--http-port=" + port,
                            "--http-management-port=" + freePort(),
                            "--db=dev-mem",
                            "--import-realm"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Keycloak needs a JDK 17+: the one running the build (the machine's default java may be older).
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            process = builder.start();
            String realmUrl = "http://127.0.0.1:" + port + "/realms/" + REALM;
            awaitReady(realmUrl, log);
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", realmUrl,
                    "quarkus.oidc.client-id", CLIENT_ID);
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("could not start Keycloak from " + home, e);
        }
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                tree.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    private void awaitReady(String realmUrl, Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            Awaitility.await("Keycloak ready (log: " + log + ")")
                    .atMost(READY_WITHIN)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "Keycloak exited with " + process.exitValue() + "; see " + log);
                        }
                        try {
                            return http.send(discovery, HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notListeningYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

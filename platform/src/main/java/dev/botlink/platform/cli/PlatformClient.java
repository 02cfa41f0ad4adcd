package dev.botlink.platform.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** The platform's REST API as the CLI uses it: JSON in and out, the bearer token on every call. */
final class PlatformClient {

    /** An answer other than 2xx: the status and the platform's message. */
    static final class ApiException extends RuntimeException {
        final int status;

        ApiException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The platform could not be reached at all. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    /** Decimals read as BigDecimal: money in the report is printed exactly as the platform sent it. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String base;
    private String token;

    PlatformClient(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    /** Signs a throwaway account up and logs it in (for a throwaway platform). */
    void signUpThrowaway() {
        String name = "cli" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> credentials =
                Map.of("username", name, "password", UUID.randomUUID().toString());
        send("POST", "/api/auth/signup", json(credentials), "application/json", null);
        token = send("POST", "/api/auth/login", json(credentials), "application/json", null)
                .path("token")
                .asText();
    }

    JsonNode get(String path) {
        return send("GET", path, null, null, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, json(body), "application/json", null);
    }

    /** Uploads a CSV gzipped (the platform's body limit applies to the compressed bytes). */
    JsonNode uploadCsv(String pathAndQuery, byte[] csv) {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(csv);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send("POST", pathAndQuery, gzipped.toByteArray(), "text/csv", "gzip");
    }

    private JsonNode send(String method, String path, byte[] body, String type, String encoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            request.header("Content-Type", type);
        }
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("the platform at " + base + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String message = answer.path("message").asText(response.body());
            throw new ApiException(
                    response.statusCode(), message.isBlank() ? "HTTP " + response.statusCode() : message);
        }
        return answer;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

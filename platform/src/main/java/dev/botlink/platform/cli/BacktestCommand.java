package dev.botlink.platform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.botlink.platform.cli.CliOptions.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ./botlink backtest}: backtests a script file through the platform's REST API (a throwaway platform started
 * for the run, or a running one with --url/--token) and prints the report. Exit status: 0 completed, 1 script error
 * or failed/cancelled backtest, 2 bad command line or input, 3 the platform could not be started or reached.
 */
public final class BacktestCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int PLATFORM = 3;

    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration CHECK_WAIT = Duration.ofMinutes(5);

    private final CliOptions options;
    private final PrintStream out;
    private final PrintStream err;

    BacktestCommand(CliOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Path cwd = Path.of(System.getProperty("botlink.cli.cwd", System.getProperty("user.dir")));
        Path home = Path.of(System.getProperty("botlink.home", "."))
                .toAbsolutePath()
                .normalize();
        System.exit(run(args, cwd, home, System.out, System.err));
    }

    static int run(String[] args, Path cwd, Path home, PrintStream out, PrintStream err) {
        CliOptions options;
        try {
            options = CliOptions.parse(args, cwd);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("botlink backtest: " + e.getMessage());
            }
            err.print(CliOptions.USAGE);
            return e.getMessage().isEmpty() ? OK : USAGE;
        }
        return new BacktestCommand(options, out, err).run(home);
    }

    private int run(Path home) {
        String source;
        byte[] csv = null;
        try {
            source = Files.readString(options.script());
            if (options.csv().isPresent()) {
                csv = Files.readAllBytes(options.csv().get());
            }
        } catch (IOException e) {
            err.println("botlink backtest: cannot read " + e.getMessage());
            return USAGE;
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        if (options.url().isPresent()) {
            return backtest(
                    new PlatformClient(
                            http, options.url().get(), options.token().get()),
                    source,
                    csv);
        }
        err.println("botlink backtest: starting a throwaway platform...");
        try (LocalPlatform platform = LocalPlatform.start(home)) {
            try {
                platform.awaitReady(http);
                PlatformClient client = new PlatformClient(http, platform.baseUrl(), null);
                client.signUpThrowaway();
                return backtest(client, source, csv);
            } catch (PlatformClient.Unreachable e) {
                err.println("botlink backtest: " + e.getMessage() + "\n" + platform.logTail());
                return PLATFORM;
            }
        } catch (LocalPlatform.StartFailed e) {
            err.println("botlink backtest: " + e.getMessage());
            return PLATFORM;
        }
    }

    private int backtest(PlatformClient client, String source, byte[] csv) {
        String fileName = options.script().getFileName().toString();
        try {
            if (!syntaxIsFine(client, fileName, source)) {
                return FAILED;
            }
            Optional<String> importId = options.importId();
            if (csv != null) {
                JsonNode created = client.uploadCsv(importPath(), csv);
                importId = Optional.of(created.path("importId").asText());
                err.println("botlink backtest: imported " + created.path("rows").asText() + " "
                        + created.path("kind").asText() + " from "
                        + created.path("from").asText() + " to "
                        + created.path("to").asText());
            }
            String id = client.post("/api/backtests", request(source, fileName, importId))
                    .path("id")
                    .asText();
            JsonNode finished = await(client, id);
            new ReportPrinter(out).print(fileName, finished, options.json());
            return report(finished);
        } catch (PlatformClient.ApiException e) {
            err.println("botlink backtest: " + e.getMessage());
            return e.status >= 500 ? PLATFORM : USAGE;
        } catch (PlatformClient.Unreachable e) {
            err.println("botlink backtest: " + e.getMessage());
            return PLATFORM;
        }
    }

    /** Parses the script in a sandbox worker first: a syntax error is reported as file:line:column. */
    private boolean syntaxIsFine(PlatformClient client, String fileName, String source) {
        Instant deadline = Instant.now().plus(CHECK_WAIT);
        while (true) {
            try {
                JsonNode errors = client.post("/api/check", Map.of("source", source, "file", fileName))
                        .path("errors");
                for (JsonNode error : errors) {
                    err.println(fileName + ":" + error.path("line").asInt() + ":"
                            + error.path("column").asInt() + ": "
                            + error.path("message").asText());
                }
                return errors.isEmpty();
            } catch (PlatformClient.ApiException e) {
                // 503 while the first sandbox worker starts.
                if (e.status != 503 || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private String importPath() {
        return "/api/backtests/imports?kind=" + encode(options.kind().orElseThrow()) + "&symbol="
                + encode(options.symbol()) + "&name="
                + encode(options.csv().orElseThrow().getFileName().toString());
    }

    private Map<String, Object> request(String source, String fileName, Optional<String> importId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", options.data());
        options.seed().ifPresent(seed -> data.put("seed", seed));
        importId.ifPresent(id -> data.put("importId", id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("fileName", fileName);
        body.put("data", data);
        body.put("exchange", options.exchange());
        body.put("symbol", options.symbol());
        options.from().ifPresent(from -> body.put("from", from));
        options.to().ifPresent(to -> body.put("to", to));
        options.balance().ifPresent(balance -> body.put("startingBalance", balance));
        options.execution().ifPresent(type -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            options.parameters().forEach((name, value) -> parameters.put(name, jsonValue(value)));
            body.put("execution", Map.of("type", type, "parameters", parameters));
        });
        return body;
    }

    /** Polls until the backtest finishes; progress goes to stderr; past --timeout it is cancelled. */
    private JsonNode await(PlatformClient client, String id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(options.timeoutMinutes()));
        int shown = -1;
        while (true) {
            JsonNode state = client.get("/api/backtests/" + id);
            String status = state.path("status").asText();
            if (FINISHED.contains(status)) {
                return state;
            }
            int percent = (int) state.path("progress").path("percent").asDouble(0);
            if (percent / 10 > shown / 10 || shown < 0) {
                shown = percent;
                err.println("botlink backtest: " + status + " " + percent + "%" + eta(state));
            }
            if (Instant.now().isAfter(deadline)) {
                err.println("botlink backtest: no result within " + options.timeoutMinutes() + " minutes; cancelling");
                client.post("/api/backtests/" + id + "/cancel", Map.of());
                deadline = Instant.now().plus(Duration.ofMinutes(1));
            }
            pause(POLL);
        }
    }

    private int report(JsonNode finished) {
        String status = finished.path("status").asText();
        if (status.equals("completed")) {
            return OK;
        }
        err.println("botlink backtest: the backtest " + status
                + (finished.hasNonNull("error") ? ": " + finished.path("error").asText() : ""));
        JsonNode log = finished.path("report").path("log");
        for (int i = Math.max(0, log.size() - 20); i < log.size(); i++) {
            JsonNode line = log.get(i);
            err.println("  " + line.path("level").asText() + " "
                    + line.path("message").asText());
        }
        return FAILED;
    }

    private static String eta(JsonNode state) {
        JsonNode eta = state.path("progress").path("etaSeconds");
        return eta.isNumber() ? " (about " + eta.asLong() + " s left)" : "";
    }

    private static Object jsonValue(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformClient.Unreachable("interrupted");
        }
    }
}

package dev.botlink.platform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command line of {@code ./botlink backtest}: a script file and options (see {@link #USAGE}). */
record CliOptions(
        Path script,
        String data,
        String symbol,
        String exchange,
        Optional<String> from,
        Optional<String> to,
        Optional<Long> seed,
        Optional<Path> csv,
        Optional<String> kind,
        Optional<String> importId,
        Optional<String> balance,
        Optional<String> execution,
        Map<String, String> parameters,
        boolean json,
        Optional<String> url,
        Optional<String> token,
        long timeoutMinutes) {

    static final String USAGE = """
            usage: ./botlink backtest SCRIPT.py [options]
              --data btc-trades|eth-5m|synthetic   replayed data (default btc-trades; --csv imports a file instead)
              --symbol XBTUSD                      symbol the data is replayed as (default XBTUSD)
              --exchange bitmex|woo                paper exchange (default bitmex)
              --from ISO-8601 --to ISO-8601        period (default: the data's own)
              --seed N                             seed of synthetic data
              --csv FILE --kind trades|candles     backtest over your own CSV (imported first)
              --import ID                          an import the account of --url/--token holds already
              --balance USD                        starting balance
              --execution position|grid|market-maker [--param name=value ...]   Signals bots only
              --json                               print the whole report as JSON
              --url URL --token TOKEN              use a running platform (or BOTLINK_URL, BOTLINK_TOKEN)
              --timeout MINUTES                    give up (and cancel) after this long (default 30)
            Without --url a throwaway platform is started on a free loopback port with a temporary database.
            Exit status: 0 completed, 1 script error or failed backtest, 2 bad command line or input, 3 platform problem.
            """;

    /** A command line that cannot be used: exit status 2 with the message and the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    static CliOptions parse(String[] args, Path workingDir) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                throw new UsageException("");
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException(arg + " needs a value");
                }
                if (name.equals("param")) {
                    int at = value.indexOf('=');
                    if (at <= 0) {
                        throw new UsageException("--param takes name=value, not " + value);
                    }
                    parameters.put(value.substring(0, at), value.substring(at + 1));
                } else if (!KNOWN.contains(name)) {
                    throw new UsageException("unknown option --" + name);
                } else {
                    values.put(name, value);
                }
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? "name the script to backtest" : "one script at a time");
        }
        Optional<Path> csv = Optional.ofNullable(values.get("csv")).map(workingDir::resolve);
        if (csv.isPresent() != values.containsKey("kind")) {
            throw new UsageException("--csv and --kind go together (--kind trades or --kind candles)");
        }
        String data =
                values.getOrDefault("data", csv.isPresent() || values.containsKey("import") ? "import" : "btc-trades");
        if (!List.of("btc-trades", "eth-5m", "synthetic", "import").contains(data)) {
            throw new UsageException("--data must be btc-trades, eth-5m or synthetic (or --csv FILE), not " + data);
        }
        Optional<String> url = Optional.ofNullable(values.getOrDefault("url", System.getenv("BOTLINK_URL")))
                .filter(u -> !u.isBlank());
        Optional<String> token = Optional.ofNullable(values.getOrDefault("token", System.getenv("BOTLINK_TOKEN")))
                .filter(t -> !t.isBlank());
        if (url.isPresent() != token.isPresent()) {
            throw new UsageException("--url and --token go together");
        }
        if (values.containsKey("import") && url.isEmpty()) {
            throw new UsageException("--import needs --url and --token (a throwaway platform has no imports)");
        }
        return new CliOptions(
                workingDir.resolve(positional.getFirst()),
                data,
                values.getOrDefault("symbol", "XBTUSD"),
                values.getOrDefault("exchange", "bitmex"),
                Optional.ofNullable(values.get("from")),
                Optional.ofNullable(values.get("to")),
                Optional.ofNullable(values.get("seed")).map(s -> number(s, "--seed")),
                csv,
                Optional.ofNullable(values.get("kind")),
                Optional.ofNullable(values.get("import")),
                Optional.ofNullable(values.get("balance")),
                Optional.ofNullable(values.get("execution")),
                parameters,
                json,
                url,
                token,
                Optional.ofNullable(values.get("timeout"))
                        .map(s -> number(s, "--timeout"))
                        .orElse(30L));
    }

    private static final List<String> KNOWN = List.of(
            "data",
            "symbol",
            "exchange",
            "from",
            "to",
            "seed",
            "csv",
            "kind",
            "import",
            "balance",
            "execution",
            "url",
            "token",
            "timeout");

    private static long number(String text, String option) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, not " + text);
        }
    }
}

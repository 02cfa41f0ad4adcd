package dev.botlink.platform.backtest;

import dev.botlink.platform.error.Problem;
import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.paper.PaperInstruments;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns a {@code POST /api/backtests} body into a {@link BacktestSpec} and its {@link MarketPlan}, or a 400 naming
 * the problem.
 */
final class BacktestRequests {

    /** The body of {@code POST /api/backtests}. */
    public record NewBacktest(
            String name,
            String file,
            String source,
            String fileName,
            DataChoice data,
            String exchange,
            String symbol,
            String from,
            String to,
            Object startingBalance,
            Map<String, Object> settings,
            ExecutionChoice execution) {}

    public record DataChoice(String kind, Long seed, String importId) {}

    public record ExecutionChoice(String type, Map<String, Object> parameters) {}

    /** A validated request and its data. */
    record Planned(BacktestSpec spec, MarketPlan plan) {}

    static final Set<String> KINDS = Set.of("btc-trades", "eth-5m", "synthetic", "import");
    private static final BigDecimal MAX_BALANCE = new BigDecimal("1000000000000");
    private static final int MAX_NAME = 200;

    private BacktestRequests() {}

    /**
     * @param source the script (read from the account's file or given inline) and its file name
     * @param imports opens an import of the account (null when no import support is installed)
     */
    static Planned plan(
            NewBacktest request,
            SimulatedBots.Script source,
            BiFunction<Long, String, ReplaySource.Replay> imports,
            long accountId,
            BigDecimal defaultBalance) {
        DataChoice data = request.data();
        if (data == null || data.kind() == null) {
            throw new Problem.Invalid("data.kind is required: one of " + List.copyOf(KINDS));
        }
        String kind = data.kind().strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new Problem.Invalid("data.kind must be one of " + List.copyOf(KINDS) + ", not '" + data.kind() + "'");
        }
        String exchange = request.exchange() == null
                ? "bitmex"
                : request.exchange().strip().toLowerCase(Locale.ROOT);
        Map<String, Instrument> instruments = PaperInstruments.forExchange(exchange)
                .orElseThrow(() -> new Problem.Invalid(
                        "exchange must be one of " + PaperInstruments.exchangeIds() + ", not '" + exchange + "'"));
        if (request.symbol() == null || request.symbol().isBlank()) {
            throw new Problem.Invalid("symbol is required: one of " + instruments.keySet());
        }
        Instrument instrument = instruments.get(request.symbol().strip());
        if (instrument == null) {
            throw new Problem.Invalid("symbol '" + request.symbol() + "' is not simulated on " + exchange
                    + ": use one of " + instruments.keySet());
        }
        String base = instrument.baseCurrency();
        if (kind.equals("btc-trades") && !(base.equals("XBT") || base.equals("BTC"))) {
            throw new Problem.Invalid("btc-trades are BTC trades: choose a BTC symbol, not " + instrument.symbol());
        }
        if (kind.equals("eth-5m") && !base.equals("ETH")) {
            throw new Problem.Invalid("eth-5m are ETH bars: choose an ETH symbol, not " + instrument.symbol());
        }
        Long from = instant(request.from(), "from");
        Long to = instant(request.to(), "to");
        long seed = data.seed() == null ? 42L : data.seed();
        MarketPlan plan =
                switch (kind) {
                    case "btc-trades" -> MarketPlan.btcTape();
                    case "eth-5m" -> MarketPlan.ethTape();
                    case "synthetic" ->
                        MarketPlan.synthetic(instrument, seed, from == null ? MarketPlan.SYNTHETIC_START : from);
                    default -> imported(data, imports, accountId);
                };
        long start = from == null ? plan.firstMillis() : from;
        long end = to == null
                ? (plan.lastMillis() == Long.MAX_VALUE
                        ? start + MarketPlan.SYNTHETIC_DEFAULT.toMillis()
                        : plan.lastMillis())
                : to;
        if (end <= start) {
            throw new Problem.Invalid(
                    "to (" + Instant.ofEpochMilli(end) + ") must be after from (" + Instant.ofEpochMilli(start) + ")");
        }
        if (start < plan.firstMillis() || start >= plan.lastMillis()) {
            throw new Problem.Invalid("from must lie within the data: " + plan.name() + " runs from "
                    + Instant.ofEpochMilli(plan.firstMillis()) + " to " + lastText(plan));
        }
        BigDecimal balance = balance(request.startingBalance(), defaultBalance);
        String executionType = null;
        Map<String, Object> parameters = Map.of();
        if (request.execution() != null) {
            executionType = executionType(request.execution().type());
            parameters = request.execution().parameters() == null
                    ? Map.of()
                    : request.execution().parameters();
            try {
                new SignalExecution(executionType, parameters);
            } catch (IllegalArgumentException e) {
                throw new Problem.Invalid("execution.parameters: " + e.getMessage());
            }
        }
        String name = request.name() == null || request.name().isBlank()
                ? source.fileName() + " on " + exchange + ":" + instrument.symbol() + " (" + kind + ")"
                : request.name().strip();
        if (name.length() > MAX_NAME) {
            throw new Problem.Invalid("name has more than " + MAX_NAME + " characters");
        }
        BacktestSpec spec = new BacktestSpec(
                name,
                source,
                kind,
                seed,
                data.importId(),
                exchange,
                instrument,
                start,
                end,
                balance,
                executionType,
                parameters);
        return new Planned(spec, plan);
    }

    private static MarketPlan imported(
            DataChoice data, BiFunction<Long, String, ReplaySource.Replay> imports, long accountId) {
        if (data.importId() == null || data.importId().isBlank()) {
            throw new Problem.Invalid("data.importId is required for data.kind import (POST /api/backtests/imports)");
        }
        if (imports == null) {
            throw new Problem.Invalid("this platform has no CSV imports installed");
        }
        try {
            return MarketPlan.imported(imports.apply(accountId, data.importId()));
        } catch (NoSuchElementException e) {
            throw new Problem.Invalid("no import '" + data.importId() + "' in this account");
        }
    }

    static String executionType(String type) {
        if (type == null || type.isBlank()) {
            throw new Problem.Invalid(
                    "execution.type is required: position, grid, grid-long, grid-short or" + " market-maker");
        }
        String normal = type.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (normal) {
            case "POSITION", "MARKET_MAKER", "GRID_NEUTRAL", "GRID_LONG", "GRID_SHORT" -> normal;
            case "GRID" -> "GRID_NEUTRAL";
            default ->
                throw new Problem.Invalid("execution.type must be position, grid, grid-long, grid-short or"
                        + " market-maker, not '" + type + "'");
        };
    }

    private static Long instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new Problem.Invalid(
                    field + " must be an ISO-8601 instant such as 2013-11-25T06:00:00Z, not '" + text + "'");
        }
    }

    private static BigDecimal balance(Object given, BigDecimal fallback) {
        if (given == null) {
            return fallback;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(given.toString().strip());
        } catch (NumberFormatException e) {
            throw new Problem.Invalid("startingBalance must be a number of USD such as \"10000\", not '" + given + "'");
        }
        if (value.signum() <= 0 || value.compareTo(MAX_BALANCE) > 0) {
            throw new Problem.Invalid("startingBalance must be positive and at most " + MAX_BALANCE.toPlainString());
        }
        return value;
    }

    private static String lastText(MarketPlan plan) {
        return plan.lastMillis() == Long.MAX_VALUE
                ? "(no end)"
                : Instant.ofEpochMilli(plan.lastMillis()).toString();
    }
}

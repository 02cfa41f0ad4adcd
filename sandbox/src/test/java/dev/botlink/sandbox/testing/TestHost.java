package dev.botlink.sandbox.testing;

import dev.botlink.sandbox.host.ExchangeResults;
import dev.botlink.sandbox.host.HostHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A host that records everything bots send and answers exchange calls like a simple venue would. */
public final class TestHost implements HostHandler {
    public record LogLine(String level, String message) {}

    public record Call(String method, String venue, Map<String, Object> args) {}

    public interface Exchange {
        Map<String, Object> answer(String bot, String method, String venue, Map<String, Object> args);
    }

    private final Map<String, List<LogLine>> logs = new ConcurrentHashMap<>();
    private final Map<String, List<Call>> calls = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> callTimes = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> published = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> signals = new ConcurrentHashMap<>();
    private final Map<String, List<String>> states = new ConcurrentHashMap<>();
    private final Map<String, Exchange> exchanges = new ConcurrentHashMap<>();
    private final List<String> connectedWorkers = new CopyOnWriteArrayList<>();

    /** Answers the given bot's exchange calls with {@code exchange} instead of the default echo. */
    public void exchangeFor(String bot, Exchange exchange) {
        exchanges.put(bot, exchange);
    }

    @Override
    public CompletableFuture<Map<String, Object>> exchangeCall(
            String bot, String method, String venue, Map<String, Object> args) {
        list(calls, bot).add(new Call(method, venue, args));
        var exchange = exchanges.getOrDefault(bot, TestHost::echo);
        return CompletableFuture.completedFuture(exchange.answer(bot, method, venue, args));
    }

    /** The default venue: an order echo with ProfitView's order shape, or the args for other methods. */
    static Map<String, Object> echo(String bot, String method, String venue, Map<String, Object> args) {
        Object data;
        if (method.startsWith("create_")) {
            data = Map.of(
                    "sym", args.get("sym"),
                    "side", args.get("side"),
                    "order_price", args.getOrDefault("price", 100.5),
                    "order_size", args.get("size"),
                    "remain_size", args.get("size"),
                    "order_type", method.equals("create_limit_order") ? "LIMIT" : "MARKET",
                    "time", 1681262857139L,
                    "order_id", "order-1");
        } else {
            data = Map.of("method", method, "args", args);
        }
        return ExchangeResults.success("bitmex", venue, data, Map.of("remaining", 56, "reset", 1681264334));
    }

    @Override
    public CompletableFuture<Map<String, Object>> exchangeCallAt(
            String bot, String method, String venue, Map<String, Object> args, Long simulatedMicros) {
        if (simulatedMicros != null) {
            list(callTimes, bot).add(simulatedMicros);
        }
        return exchangeCall(bot, method, venue, args);
    }

    /** The simulated times (epoch micros) at which a simulated-time bot made its exchange calls. */
    public List<Long> callTimes(String bot) {
        return List.copyOf(list(callTimes, bot));
    }

    @Override
    public void log(String bot, String level, String message) {
        list(logs, bot).add(new LogLine(level, message));
    }

    @Override
    public void publish(String bot, String topic, Object data) {
        var entry = new java.util.HashMap<String, Object>();
        entry.put("topic", topic);
        entry.put("data", data);
        list(published, bot).add(entry);
    }

    @Override
    public void signal(String bot, Map<String, Object> signal) {
        list(signals, bot).add(signal);
    }

    @Override
    public void botState(String bot, String state, String reason) {
        list(states, bot).add(reason == null ? state : state + ": " + reason);
    }

    @Override
    public void workerConnected(String workerId) {
        connectedWorkers.add(workerId);
    }

    public List<LogLine> logs(String bot) {
        return List.copyOf(list(logs, bot));
    }

    public String logText(String bot) {
        var text = new StringBuilder();
        list(logs, bot)
                .forEach(l ->
                        text.append(l.level()).append(' ').append(l.message()).append('\n'));
        return text.toString();
    }

    public List<Call> calls(String bot) {
        return List.copyOf(list(calls, bot));
    }

    public List<Map<String, Object>> published(String bot) {
        return List.copyOf(list(published, bot));
    }

    public List<Map<String, Object>> signals(String bot) {
        return List.copyOf(list(signals, bot));
    }

    public List<String> states(String bot) {
        return List.copyOf(list(states, bot));
    }

    public List<String> connectedWorkers() {
        return List.copyOf(connectedWorkers);
    }

    private static <T> List<T> list(Map<String, List<T>> map, String bot) {
        return map.computeIfAbsent(bot, b -> new CopyOnWriteArrayList<>());
    }
}

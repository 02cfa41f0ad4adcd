package dev.botlink.sandbox.bench;

import java.util.List;
import java.util.Map;

/** The benchmark's results as a short table for people; the JSON next to it has every number. */
final class BenchSummary {
    private BenchSummary() {}

    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> results) {
        var one = (Map<String, Object>) results.getOrDefault("one_bot", Map.of());
        var fifty = (Map<String, Object>) results.getOrDefault("fifty_bots", Map.of());
        var latency = (Map<String, Object>) results.getOrDefault("event_in_to_order_out", Map.of());
        var cpythonOne = (Map<String, Object>) results.getOrDefault("cpython_one_bot", Map.of());
        var cpythonFifty = (Map<String, Object>) results.getOrDefault("cpython_fifty_bots", Map.of());
        var text = new StringBuilder("\n==== Botlink sandbox benchmark ====\n");
        text.append("load average at start / end: ")
                .append(results.get("load_average_at_start"))
                .append(" / ")
                .append(results.get("load_average_at_end"))
                .append('\n');
        text.append(String.format(
                "%-34s %16s %18s %16s%n", "", "Botlink (GraalPy)", "CPython batch loop", "CPython json loop"));
        text.append(row("quote_update/s, 1 bot (steady)", one, cpythonOne));
        text.append(row("quote_update/s, 50 bots (steady)", fifty, cpythonFifty));
        text.append(cpuRow("per worker CPU second, 1 bot", one, "quote_updates_per_worker_cpu_second", cpythonOne));
        text.append(
                cpuRow("per worker CPU second, 50 bots", fifty, "quote_updates_per_worker_cpu_second", cpythonFifty));
        text.append(
                cpuRow("per event-loop CPU second, 1 bot", one, "quote_updates_per_event_loop_cpu_second", cpythonOne));
        text.append(cpuRow(
                "per event-loop CPU second, 50 bots", fifty, "quote_updates_per_event_loop_cpu_second", cpythonFifty));
        text.append(String.format(
                "%-34s p50 %s us, p90 %s us, p99 %s us, p99.9 %s us, max %s us (%s round trips)%n",
                "event in -> order call out",
                latency.get("p50_us"),
                latency.get("p90_us"),
                latency.get("p99_us"),
                latency.get("p999_us"),
                latency.get("max_us"),
                latency.get("round_trips")));
        text.append(String.format(
                "%-34s sent %s, counted by bots %s, refused (bot behind) %s%n",
                "1 bot: quotes",
                one.get("quotes_sent"),
                one.get("quote_updates_counted_by_bots"),
                one.get("refused_bot_behind")));
        text.append(String.format(
                "%-34s sent %s, counted by bots %s, refused (bot behind) %s%n",
                "50 bots: quotes",
                fifty.get("quotes_sent"),
                fifty.get("quote_updates_counted_by_bots"),
                fifty.get("refused_bot_behind")));
        text.append(String.format("%-34s %s%n", "1 bot per second from start", one.get("per_second_from_start")));
        text.append(String.format(
                "%-34s %s ms%n", "bot start on a warm worker", results.get("bot_start_on_warm_worker_ms")));
        text.append(String.format("%-34s %s MB%n", "RSS per idle bot", results.get("rss_per_idle_bot_mb")));
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static String row(String label, Map<String, Object> botlink, Map<String, Object> cpython) {
        return String.format(
                "%-34s %16s %18s %16s%n",
                label,
                botlink.get("steady_quote_updates_per_second"),
                median((List<Object>) cpython.get("batch_loop_per_second")),
                median((List<Object>) cpython.get("json_loop_per_second")));
    }

    @SuppressWarnings("unchecked")
    private static String cpuRow(String label, Map<String, Object> botlink, String key, Map<String, Object> cpython) {
        return String.format(
                "%-34s %16s %18s %16s%n",
                label, botlink.get(key), median((List<Object>) cpython.get("batch_loop_per_cpu_second")), "");
    }

    private static long median(List<Object> values) {
        if (values == null) {
            return 0;
        }
        var sorted = values.stream()
                .mapToLong(v -> ((Number) v).longValue())
                .sorted()
                .toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}

package dev.botlink.sandbox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by a worker process (all its threads) and by its bots' threads (event loop {@code bot-<id>-loop} and
 * pool {@code bot-<id>-t<n>}, alike once Linux cuts names to 15 characters; the benchmark bots use only their event
 * loop), from /proc, in seconds.
 */
record WorkerCpu(double processSeconds, double eventLoopSeconds) {
    private static final double TICKS_PER_SECOND = 100.0;

    static WorkerCpu of(long pid) {
        try {
            double process = ticks(Path.of("/proc", String.valueOf(pid), "stat"));
            double loops = 0;
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String name = readOrEmpty(task.resolve("comm")).trim();
                    if (name.startsWith("bot-bot-")) {
                        loops += ticks(task.resolve("stat"));
                    }
                }
            }
            return new WorkerCpu(process / TICKS_PER_SECOND, loops / TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WorkerCpu minus(WorkerCpu earlier) {
        return new WorkerCpu(processSeconds - earlier.processSeconds, eventLoopSeconds - earlier.eventLoopSeconds);
    }

    /** utime + stime of a /proc stat line (fields 14 and 15, counted after the command name). */
    private static double ticks(Path stat) {
        String line = readOrEmpty(stat);
        if (line.isEmpty()) {
            return 0;
        }
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}

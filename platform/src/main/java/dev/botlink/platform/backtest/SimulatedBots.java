package dev.botlink.platform.backtest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The sandbox port of backtests: runs one user script in a real sandbox worker in simulated-time mode and moves it
 * forward point by point. The Quarkus adapter implements it on the worker hub's {@code step}.
 */
public interface SimulatedBots {

    /** The script to run: the user's file name (shown in tracebacks), its source and its settings. */
    record Script(String fileName, String source, Map<String, Object> settings) {}

    /** A market or account event for the bot: {@code kind} is a Link callback without {@code _update}. */
    record Event(String kind, String src, String sym, Map<String, Object> data) {}

    /** Events the bot receives at one simulated time (epoch microseconds). */
    record Point(long epochMicros, List<Event> events) {}

    /** What one step did: how many points the bot processed, its clock after it, its state. */
    record StepOutcome(int pointsProcessed, long nowMicros, String botState) {}

    /** An exchange call's answer in the Link shape; {@code cut} stops the step after the point in progress. */
    record Answer(Map<String, Object> result, boolean cut) {}

    /** What the bot does towards the platform while it runs; called on the sandbox connection's threads. */
    interface Host {
        /**
         * Answers an exchange call, at once. {@code simulatedMicros} is the bot's simulated time when the worker
         * reports it (null otherwise).
         */
        Answer exchangeCall(String method, String venue, Map<String, Object> args, Long simulatedMicros);

        void log(String level, String message);

        /** A {@code self.signal(...)}: {@code src}, {@code sym} and the signal's fields. */
        void signal(Map<String, Object> signal);

        /** {@code running}, {@code stopped} or {@code failed} (with the reason). */
        void stateChanged(String state, String reason);
    }

    /** One running simulated bot. */
    interface Bot extends AutoCloseable {
        /** Processes {@code points} (ascending times); fails if the bot stops or does not settle in time. */
        CompletableFuture<StepOutcome> step(List<Point> points);

        /** Stops the bot (idempotent). */
        @Override
        void close();
    }

    /**
     * Starts {@code script} with its clock at {@code startMicros}; its state arrives through
     * {@link Host#stateChanged}.
     *
     * @throws IllegalStateException if no sandbox worker can take it
     */
    Bot start(String key, long accountId, Script script, long startMicros, Host host);
}

package dev.botlink.sandbox.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Time budgets of the guest calls on a bot's pool threads that are meant to end: webhook handlers and timer,
 * delay_thread and cron runs (threads and on_start may run for the bot's lifetime and are bounded by the CPU
 * watchdog instead). The watchdog asks for the calls over budget; time a call spends in exchange calls does not
 * count. Thread-safe.
 */
final class CallBudgets {
    /** One budgeted call, on the thread that runs it. */
    static final class Call {
        private final String name;
        private final Duration budget;
        private final Runnable onOverrun;
        private final AtomicBoolean overran = new AtomicBoolean();
        private volatile long deadline;
        private volatile long pausedSince;

        private Call(String name, Duration budget, Runnable onOverrun) {
            this.name = name;
            this.budget = budget;
            this.onOverrun = onOverrun;
            this.deadline = System.nanoTime() + budget.toNanos();
        }

        String name() {
            return name;
        }

        Duration budget() {
            return budget;
        }

        /** Tells the caller that the call is over its budget (a webhook answers its caller with a timeout). */
        void overrun() {
            onOverrun.run();
        }
    }

    private final Map<Thread, Call> calls = new ConcurrentHashMap<>();

    /** Starts the budget of a call on the current thread. */
    Call begin(String name, Duration budget, Runnable onOverrun) {
        var call = new Call(name, budget, onOverrun);
        calls.put(Thread.currentThread(), call);
        return call;
    }

    void end(Call call) {
        calls.remove(Thread.currentThread(), call);
    }

    /** Whether the call has not ended yet. */
    boolean isRunning(Call call) {
        return calls.containsValue(call);
    }

    /** Whether the current thread's call went over its budget (its interruption is then no surprise). */
    boolean overranOnThisThread() {
        Call call = calls.get(Thread.currentThread());
        return call != null && call.overran.get();
    }

    /** Stops the clock of the current thread's call (for a host call); returns it for {@link #resume}, or null. */
    Call pause() {
        Call call = calls.get(Thread.currentThread());
        if (call != null) {
            call.pausedSince = System.nanoTime();
        }
        return call;
    }

    void resume(Call call) {
        if (call != null) {
            call.deadline += System.nanoTime() - call.pausedSince;
            call.pausedSince = 0;
        }
    }

    /** The calls that went over their budget since the last check; each is reported once. */
    List<Call> overrun(long nowNanos) {
        var over = new ArrayList<Call>();
        for (Call call : calls.values()) {
            if (call.pausedSince == 0 && nowNanos >= call.deadline && call.overran.compareAndSet(false, true)) {
                over.add(call);
            }
        }
        return over;
    }
}

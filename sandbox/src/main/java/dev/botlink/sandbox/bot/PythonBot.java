package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.host.ExchangeResults;
import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.protocol.FrameCodec;
import dev.botlink.sandbox.protocol.FrameType;
import dev.botlink.sandbox.protocol.MarketBatch;
import dev.botlink.sandbox.time.BotClock;
import dev.botlink.sandbox.time.SimulatedClock;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * One user's bot: its own GraalPy context on the worker's shared engine, its own event loop thread (callbacks
 * run one at a time, in order), and a bounded pool of host threads for on_start, threads, timers, cron and
 * webhooks. Stopping is idempotent and may be requested from any thread.
 */
public final class PythonBot {
    enum State {
        STARTING,
        RUNNING,
        STOPPING,
        STOPPED
    }

    /** How GraalPy reports os._exit on a thread other than a context's main thread (an internal error). */
    private static final String THREAD_DEATH = "java.lang.ThreadDeath";

    /** Deep (but legal) Python recursion needs more than the JVM's default 1 MB thread stack. */
    static final long STACK_BYTES = 16L * 1024 * 1024;

    /** One entry of the event loop: a single event ({@code work}) or a market batch. */
    private record Task(String name, boolean marketData, Runnable work, MarketBatch batch) {
        Task(String name, boolean marketData, Runnable work) {
            this(name, marketData, work, null);
        }

        int marketEvents() {
            return batch != null ? batch.size() : marketData ? 1 : 0;
        }
    }

    private static final VarHandle BUDGET_DEADLINE;

    static {
        try {
            BUDGET_DEADLINE = MethodHandles.lookup().findVarHandle(PythonBot.class, "budgetDeadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String id;
    private final String fileName;
    private final String source;
    private final Map<String, Object> settings;
    private final SpareContexts contexts;
    private final BotHost host;
    private final BotClock clock;
    /** Simulated-time mode (backtests), or null for a live bot. */
    private final Simulation simulation;

    private final BotLimits limits;
    private final Consumer<PythonBot> onStopped;
    private final BotThreads threads;
    private final LogLimiter logLimiter;
    private final BlockingQueue<Task> queue;
    private final MarketFlow market;
    private final MarketCursor cursor = new MarketCursor();
    private final CallBudgets budgets = new CallBudgets();
    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicInteger overruns = new AtomicInteger();
    private final AtomicLong droppedEvents = new AtomicLong();
    private final AtomicBoolean interrupting = new AtomicBoolean();
    private volatile long budgetDeadline;
    /** While a market slice runs: the latest its callbacks may run until, whatever the cursor says. */
    private volatile long sliceCap;

    private volatile long pausedSince;
    private volatile String runningCallback;
    private volatile Context context;
    private volatile Thread loopThread;
    private Value dispatch;
    private Value dispatchMarket;
    private Value webhook;
    private Value redisMessage;

    PythonBot(BotStart start, SpareContexts contexts, BotHost host, BotLimits limits, Consumer<PythonBot> onStopped) {
        this.id = start.botId();
        this.fileName = start.fileName();
        this.source = start.source();
        this.settings = start.settings();
        this.clock = start.clock();
        this.contexts = contexts;
        this.host = host;
        this.limits = limits;
        this.onStopped = onStopped;
        this.threads = new BotThreads(this, limits.threadsPerBot(), limits.pendingTimers());
        this.logLimiter = new LogLimiter(limits.logLinesPerSecond(), limits.logBurst());
        // Market events are bounded by the market window; the other half of the queue stays for private events.
        this.queue = new ArrayBlockingQueue<>(2 * limits.eventQueue());
        this.market = new MarketFlow(limits.eventQueue());
        this.simulation = clock instanceof SimulatedClock simulated
                ? new Simulation(this, simulated, limits.callbackBudget())
                : null;
    }

    public String id() {
        return id;
    }

    Map<String, Object> settings() {
        return settings;
    }

    BotClock clock() {
        return clock;
    }

    BotLimits limits() {
        return limits;
    }

    BotThreads threads() {
        return threads;
    }

    /** Simulated-time mode, or null for a live bot. */
    Simulation simulation() {
        return simulation;
    }

    boolean isRunning() {
        return state.get() == State.RUNNING;
    }

    boolean queueEmpty() {
        return queue.isEmpty();
    }

    String runningCallbackName() {
        return runningCallback;
    }

    State state() {
        return state.get();
    }

    /** Starts the bot on its own loop thread (a spare context's thread when one is ready); returns at once. */
    void start() {
        contexts.launch(this);
    }

    /**
     * The bot's event loop, on the calling thread, which becomes the loop thread. {@code preparation} must prepare (or
     * have prepared) the bot's context on this same thread: GraalPy's main thread of a context is the one that
     * initialised it, and only there does {@code os._exit} exit the context (docs/sandbox.md).
     */
    void runLoop(Supplier<BotContext> preparation) {
        loopThread = Thread.currentThread();
        boolean loaded = load(preparation);
        if (simulation != null) {
            simulation.end("loading the script");
            if (loaded) {
                runSimulatedLoop();
            }
            return;
        }
        if (!loaded) {
            return;
        }
        while (state.get() == State.RUNNING) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            if (task.batch() != null) {
                runBatch(task.batch());
            } else {
                runCallback(task);
            }
            market.consumed(task.marketEvents());
            market.flushFromLoop(host, id, queue.isEmpty());
        }
    }

    /** The event loop of a simulated-time bot: tasks are counted as running before they leave the queue. */
    private void runSimulatedLoop() {
        while (state.get() == State.RUNNING) {
            Task task;
            try {
                task = simulation.take(queue, Task::name);
            } catch (InterruptedException e) {
                break;
            }
            try {
                runCallback(task);
            } finally {
                simulation.end(task.name());
            }
        }
    }

    /** Queues one event of a STEP point (simulated-time mode; called by the stepper). */
    void deliverStep(String kind, String src, String sym, Object data) {
        if (state.get() != State.RUNNING) {
            return;
        }
        String json = FrameCodec.toJson(data);
        if (!queue.offer(new Task(kind + "_update", false, () -> dispatch.executeVoid(kind, src, sym, json)))) {
            stopAsync("the bot is not keeping up: " + queue.size() + " events waiting", true);
        }
    }

    /**
     * Runs a STEP request on its own thread; {@code reply} receives the reply body. Fails at once for a live bot.
     */
    void step(Object points, Consumer<Map<String, Object>> reply) {
        if (simulation == null) {
            reply.accept(Map.of("error", "bot " + id + " runs live: only a simulated-time bot can be stepped"));
            return;
        }
        Thread.ofPlatform()
                .daemon()
                .name("bot-" + id + "-step")
                .start(() -> reply.accept(simulation.step(points, e -> {
                    deliverStep(
                            String.valueOf(e.get("kind")),
                            e.get("src") == null ? null : String.valueOf(e.get("src")),
                            e.get("sym") == null ? null : String.valueOf(e.get("sym")),
                            e.get("data"));
                    return null;
                })));
    }

    private record Pause(boolean onLoop, long started, CallBudgets.Call pooled) {}

    /** Stops the calling thread's budget clock while it waits outside the bot (a simulated sleep). */
    Object pauseBudget() {
        boolean onLoop = Thread.currentThread() == loopThread;
        long started = System.nanoTime();
        if (onLoop) {
            pausedSince = started;
        }
        return new Pause(onLoop, started, budgets.pause());
    }

    void resumeBudget(Object token) {
        var pause = (Pause) token;
        budgets.resume(pause.pooled());
        if (pause.onLoop()) {
            long paused = System.nanoTime() - pause.started();
            budgetDeadline += paused;
            sliceCap += paused;
            pausedSince = 0;
        }
    }

    private boolean load(Supplier<BotContext> preparation) {
        try {
            BotContext prepared = preparation.get();
            context = prepared.context();
            if (state.get() != State.STARTING) {
                prepared.close();
                return false;
            }
            Value runtime = prepared.attach(this);
            dispatch = runtime.getMember("dispatch");
            dispatchMarket = MarketDispatch.bind(context, runtime);
            webhook = runtime.getMember("webhook");
            redisMessage = runtime.getMember("redis_message");
            Value error = runtime.getMember("load").execute(fileName, source);
            if (!error.isNull()) {
                log("ERROR", "Bot did not start: " + error.asString());
                stopAsync(error.asString(), true);
                return false;
            }
            boolean hasOnStart = runtime.getMember("after_load").execute().asBoolean();
            if (!state.compareAndSet(State.STARTING, State.RUNNING)) {
                return false;
            }
            sendState("running", null, routes(runtime.getMember("routes").execute()));
            if (hasOnStart) {
                Value onStart = runtime.getMember("on_start");
                threads.run("on_start", () -> runGuest("on_start", onStart::executeVoid));
            }
            return true;
        } catch (PolyglotException e) {
            guestFailure("starting the bot", e, false);
            stopAsync("the bot could not start: " + e.getMessage(), true);
            return false;
        } catch (RuntimeException e) {
            stopAsync("the bot could not start: " + e.getMessage(), true);
            return false;
        }
    }

    /** Queues an event for the bot's event loop; market data is dropped (and counted) when the bot lags. */
    void deliver(String kind, String src, String sym, Object data) {
        if (state.get() == State.STOPPING || state.get() == State.STOPPED) {
            return;
        }
        String json = FrameCodec.toJson(data);
        boolean marketData = kind.equals("quote") || kind.equals("trade");
        enqueue(new Task(kind + "_update", marketData, () -> dispatch.executeVoid(kind, src, sym, json)));
    }

    /** Queues a batch of quotes and trades (the host keeps within the market window; excess is dropped). */
    void deliverMarket(MarketBatch batch) {
        if (state.get() == State.STOPPING || state.get() == State.STOPPED) {
            market.refused(batch.size());
            return;
        }
        enqueue(new Task("market data", true, null, batch));
    }

    void redis(String channel, Object data) {
        String json = FrameCodec.toJson(data);
        enqueue(new Task("redis " + channel, false, () -> redisMessage.executeVoid(channel, json)));
    }

    private void enqueue(Task task) {
        int events = task.marketEvents();
        boolean admitted = events == 0 || market.admit(events);
        if (admitted && queue.offer(task)) {
            return;
        }
        if (task.marketData()) {
            if (admitted) {
                market.consumed(events);
            } else {
                market.refused(events);
            }
            long before = droppedEvents.getAndAdd(events);
            long dropped = before + events;
            if (before == 0 || before / 10_000 != dropped / 10_000) {
                log("WARNING", "The bot is not keeping up with market data: " + dropped + " events dropped so far");
            }
        } else {
            stopAsync("the bot is not keeping up: " + queue.size() + " events waiting", true);
        }
    }

    /** Runs a webhook on a pool thread; {@code reply} receives JSON text {result} or {error}. */
    void webhook(String method, String route, Object args, Consumer<String> reply) {
        if (state.get() != State.RUNNING) {
            reply.accept(FrameCodec.toJson(Map.of("error", "the bot is not running", "code", "not_running")));
            return;
        }
        String json = FrameCodec.toJson(args);
        var replied = new AtomicBoolean();
        Consumer<String> once = text -> {
            if (replied.compareAndSet(false, true)) {
                reply.accept(text);
            }
        };
        String where = "webhook " + method + " " + route;
        boolean started = threads.run(where, () -> {
            var answer = new AtomicReference<>(
                    FrameCodec.toJson(Map.of("error", "the call was interrupted or the bot stopped during it")));
            runGuestWithin(
                    where,
                    limits.webhookBudget(),
                    () -> once.accept(webhookTimeout(where)),
                    () -> answer.set(webhook.execute(method, route, json).asString()));
            once.accept(answer.get());
        });
        if (!started) {
            reply.accept(
                    FrameCodec.toJson(Map.of("error", "the bot is busy: all its threads are in use", "code", "busy")));
        }
    }

    private String webhookTimeout(String where) {
        return FrameCodec.toJson(Map.of(
                "error",
                where + " did not answer within its time budget of "
                        + limits.webhookBudget().toMillis() + " ms",
                "code",
                "timeout"));
    }

    /**
     * Runs guest code on a pool thread under a time budget (webhooks, timers, cron runs). Over budget,
     * {@code onOverrun} runs once (on the watchdog's thread) and the bot is interrupted as for an overrunning
     * callback.
     */
    void runGuestWithin(String where, Duration budget, Runnable onOverrun, Runnable work) {
        var call = budgets.begin(where, budget, onOverrun);
        try {
            runGuest(where, work);
        } finally {
            budgets.end(call);
        }
    }

    private void runCallback(Task task) {
        runningCallback = task.name();
        budgetDeadline = System.nanoTime() + limits.callbackBudget().toNanos();
        try {
            task.work().run();
        } catch (PolyglotException e) {
            guestFailure(task.name(), e, true);
        } catch (StackOverflowError | OutOfMemoryError e) {
            stopAsync(
                    "the bot ran out of " + (e instanceof StackOverflowError ? "stack" : "memory") + " in "
                            + task.name(),
                    true);
        } finally {
            budgetDeadline = 0;
            runningCallback = null;
        }
    }

    /**
     * Delivers a market batch in slices (one guest entry each, sized to about 20 ms of the bot's work). Each callback
     * gets its own budget: the Python loop moves the cursor before every callback and the watchdog restarts the
     * budget when it sees it move. An interrupted or failing slice resumes after the callback that was running.
     */
    private void runBatch(MarketBatch batch) {
        String columns = batch.columnsText();
        String names = batch.namesText();
        int next = 0;
        while (next < batch.size() && state.get() == State.RUNNING) {
            int start = next;
            int end = Math.min(batch.size(), start + market.sliceSize());
            long started = System.nanoTime();
            next = runSlice(batch, columns, names, start, end);
            market.sliced(next - start, System.nanoTime() - started);
        }
    }

    private int runSlice(MarketBatch batch, String columns, String names, int start, int end) {
        long budget = limits.callbackBudget().toNanos();
        long now = System.nanoTime();
        cursor.begin(start, end);
        sliceCap = now + 2 * budget;
        runningCallback = batch.callbackName(start);
        budgetDeadline = now + budget;
        try {
            dispatchMarket.executeVoid(columns, names, batch.size(), start, end, cursor);
            return end;
        } catch (PolyglotException e) {
            int at = cursor.current();
            guestFailure(batch.callbackName(at), e, true);
            return at + 1;
        } catch (StackOverflowError | OutOfMemoryError e) {
            stopAsync(
                    "the bot ran out of " + (e instanceof StackOverflowError ? "stack" : "memory") + " in "
                            + batch.callbackName(cursor.current()),
                    true);
            return end;
        } finally {
            cursor.finish();
            budgetDeadline = 0;
            runningCallback = null;
        }
    }

    /** Runs guest code on a pool thread, containing whatever it throws. */
    void runGuest(String where, Runnable work) {
        if (state.get() != State.RUNNING) {
            return;
        }
        try {
            work.run();
        } catch (PolyglotException e) {
            guestFailure(where, e, false);
        } catch (IllegalStateException e) {
            // The context was closed under us: the bot is stopping.
        } catch (StackOverflowError e) {
            stopAsync("the bot ran out of stack in " + where, true);
        }
    }

    private void guestFailure(String where, PolyglotException e, boolean onLoop) {
        if (state.get() == State.STOPPING || state.get() == State.STOPPED || e.isCancelled()) {
            return;
        }
        if (e.isExit()) {
            stopAsync("the bot called exit (status " + e.getExitStatus() + ") in " + where, true);
        } else if (e.isInternalError() && THREAD_DEATH.equals(e.getMessage())) {
            // GraalPy exits a context only from its main thread (the loop thread); os._exit on any other thread
            // (on_start, threads, timers, webhooks) surfaces as an internal ThreadDeath instead.
            stopAsync("the bot called exit in " + where, true);
        } else if (e.isInterrupted() && onLoop) {
            int count = overruns.incrementAndGet();
            log(
                    "ERROR",
                    where + " ran longer than its budget of "
                            + limits.callbackBudget().toMillis() + " ms and was interrupted (" + count + " of "
                            + limits.maxOverruns() + " allowed)");
            if (count >= limits.maxOverruns()) {
                stopAsync("callbacks overran their time budget " + count + " times", true);
            }
        } else if (e.isInterrupted()) {
            if (!budgets.overranOnThisThread()) {
                log("WARNING", where + " was interrupted together with a call that overran its time budget");
            }
        } else if (e.isResourceExhausted()) {
            stopAsync("the bot ran out of resources in " + where + ": " + e.getMessage(), true);
        } else {
            log("ERROR", where + " failed:\n" + pythonTraceback(e));
        }
    }

    /** A guest error in Python's traceback format, without host frames. */
    static String pythonTraceback(PolyglotException e) {
        var lines = new ArrayList<String>();
        for (PolyglotException.StackFrame frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null) {
                lines.addFirst(
                        "  File \"" + frame.getSourceLocation().getSource().getName() + "\", line "
                                + frame.getSourceLocation().getStartLine() + ", in " + frame.getRootName());
            }
        }
        lines.addFirst("Traceback (most recent call last):");
        lines.add(String.valueOf(e.getMessage()));
        return String.join("\n", lines);
    }

    /**
     * Called by the watchdog: interrupts a callback, webhook or timer run that is over its budget (not counting
     * host calls).
     */
    void checkBudget(long nowNanos) {
        market.flush(host, id, true);
        for (CallBudgets.Call call : budgets.overrun(nowNanos)) {
            pooledOverrun(call);
        }
        long deadline = budgetDeadline;
        if (deadline != 0 && cursor.advanced()) {
            long renewed = Math.min(nowNanos + limits.callbackBudget().toNanos(), sliceCap);
            if (BUDGET_DEADLINE.compareAndSet(this, deadline, renewed)) {
                deadline = renewed;
            }
        }
        if (deadline == 0 || pausedSince != 0 || nowNanos < deadline) {
            return;
        }
        long expired = deadline;
        interrupt(runningCallback, () -> budgetDeadline == expired);
    }

    /** A webhook or timer run over its budget: its caller learns it, the bot is interrupted, overruns count. */
    private void pooledOverrun(CallBudgets.Call call) {
        call.overrun();
        if (state.get() != State.RUNNING) {
            return;
        }
        int count = overruns.incrementAndGet();
        log(
                "ERROR",
                call.name() + " ran longer than its budget of " + call.budget().toMillis() + " ms and was interrupted ("
                        + count + " of " + limits.maxOverruns() + " allowed)");
        if (count >= limits.maxOverruns()) {
            stopAsync("callbacks overran their time budget " + count + " times", true);
            return;
        }
        interrupt(call.name(), () -> budgets.isRunning(call));
    }

    /**
     * Interrupts every thread of the bot (the only interrupt GraalPy offers) unless the overrunning call has ended
     * meanwhile; stops the bot if the interrupt does not land.
     */
    private void interrupt(String what, BooleanSupplier stillRunning) {
        if (!interrupting.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("bot-" + id + "-interrupt").start(() -> {
            try {
                Context current = context;
                if (current != null && state.get() == State.RUNNING && stillRunning.getAsBoolean()) {
                    current.interrupt(Duration.ofSeconds(5));
                }
            } catch (TimeoutException e) {
                stopAsync(what + " could not be interrupted", true);
            } catch (RuntimeException e) {
                // Closed meanwhile: nothing to interrupt.
            } finally {
                interrupting.set(false);
            }
        });
    }

    /** An exchange call; host time does not count against the callback budget. */
    Map<String, Object> exchangeCall(Frame call) {
        boolean onLoop = Thread.currentThread() == loopThread;
        long started = System.nanoTime();
        if (onLoop) {
            pausedSince = started;
        }
        var pooled = budgets.pause();
        if (simulation != null) {
            return simulatedCall(call, onLoop, started, pooled);
        }
        try {
            return host.request(call).get().body();
        } catch (ExecutionException e) {
            return ExchangeResults.failure(
                    call.text("venue"), apiError("the platform did not answer: " + rootMessage(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExchangeResults.failure(call.text("venue"), apiError("the bot is stopping"));
        } finally {
            budgets.resume(pooled);
            if (onLoop) {
                long paused = System.nanoTime() - started;
                budgetDeadline += paused;
                sliceCap += paused;
                pausedSince = 0;
            }
        }
    }

    /** An exchange call of a simulated-time bot: counted as open until answered; a cut mark ends the step. */
    private Map<String, Object> simulatedCall(Frame call, boolean onLoop, long started, CallBudgets.Call pooled) {
        simulation.callOpened();
        Map<String, Object> answer = null;
        try {
            answer = host.request(call).get().body();
        } catch (ExecutionException e) {
            answer = ExchangeResults.failure(
                    call.text("venue"), apiError("the platform did not answer: " + rootMessage(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = ExchangeResults.failure(call.text("venue"), apiError("the bot is stopping"));
        } finally {
            answer = simulation.callAnswered(System.nanoTime() - started, answer);
            resumeBudget(new Pause(onLoop, started, pooled));
        }
        return answer;
    }

    private static Map<String, Object> apiError(String message) {
        return Map.of("type", "api_error", "message", message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Sends a frame out with back pressure; returns null or an error for the guest. */
    String sendOut(Frame frame) {
        try {
            host.send(frame);
            return null;
        } catch (IOException e) {
            return "!RuntimeError:the platform is unreachable: " + e.getMessage();
        }
    }

    /** A bot log line: rate limited and cut to the maximum length. */
    void log(String level, String message) {
        long dropped = logLimiter.admit();
        if (dropped < 0) {
            return;
        }
        if (dropped > 0) {
            sendLog(
                    "WARNING",
                    dropped + " log lines were dropped: the bot logs more than " + limits.logLinesPerSecond()
                            + " lines per second");
        }
        sendLog(level, message);
    }

    /** Called by the watchdog: reports dropped log lines even when the bot has gone quiet. */
    void reportDroppedLogs() {
        long dropped = logLimiter.drainDropped();
        if (dropped > 0) {
            sendLog(
                    "WARNING",
                    dropped + " log lines were dropped: the bot logs more than " + limits.logLinesPerSecond()
                            + " lines per second");
        }
    }

    private void sendLog(String level, String message) {
        String text = message.length() > limits.maxLogChars()
                ? message.substring(0, limits.maxLogChars()) + "... (cut at " + limits.maxLogChars() + " characters)"
                : message;
        host.trySend(Frame.of(FrameType.LOG, id, Map.of("level", level, "message", text)));
    }

    private static List<String> routes(Value names) {
        var routes = new ArrayList<String>();
        for (long i = 0; i < names.getArraySize(); i++) {
            routes.add(names.getArrayElement(i).asString());
        }
        return routes;
    }

    private void sendState(String newState, String reason) {
        sendState(newState, reason, null);
    }

    /** {@code routes}: the bot's webhook methods, reported with "running" so the host can list and route them. */
    private void sendState(String newState, String reason, List<String> routes) {
        var body = new HashMap<String, Object>();
        body.put("state", newState);
        body.put("reason", reason);
        if (routes != null) {
            body.put("routes", routes);
        }
        try {
            host.send(Frame.of(FrameType.BOT_STATE, id, body));
        } catch (IOException e) {
            // The host learns the state again when the worker reconnects and lists its bots.
        }
    }

    /** Stops the bot on a separate thread (it may be called from the bot's own threads). Idempotent. */
    public void stopAsync(String reason, boolean failed) {
        State previous = state.getAndUpdate(s -> s == State.STOPPED ? s : State.STOPPING);
        if (previous == State.STOPPING || previous == State.STOPPED) {
            return;
        }
        Thread.ofPlatform().daemon().name("bot-" + id + "-stop").start(() -> stopNow(reason, failed));
    }

    private void stopNow(String reason, boolean failed) {
        sendLog(failed ? "ERROR" : "INFO", "Bot stopped: " + reason);
        threads.shutdown();
        Thread loop = loopThread;
        if (loop != null && loop != Thread.currentThread()) {
            loop.interrupt();
        }
        Context current = context;
        if (current != null) {
            try {
                current.close(true);
            } catch (RuntimeException e) {
                // Cancelling a context may surface the cancellation here; the context is closed either way.
            }
        }
        state.set(State.STOPPED);
        sendState(failed ? "failed" : "stopped", reason);
        onStopped.accept(this);
    }

    boolean isLoopThread(Thread thread) {
        return thread == loopThread;
    }

    /** The threads doing this bot's work now (event loop and pool), for CPU and memory accounting. */
    List<Thread> accountThreads() {
        var all = new ArrayList<>(threads.threads());
        Thread loop = loopThread;
        if (loop != null) {
            all.add(loop);
        }
        return all;
    }
}

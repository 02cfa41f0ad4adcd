package dev.botlink.sandbox.bot;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * A bot's GraalPy context on the worker's shared engine, with the Botlink runtime already bootstrapped (the
 * {@code _botlink} module, the import finder, the profitview package). Preparing one is most of a bot start's
 * cost, so a worker keeps a few ready ({@link SpareContexts}). A context is given to exactly one bot, once
 * ({@link #attach}); no user code has run in it before, and it is closed when that bot stops, never reused.
 */
final class BotContext {
    private static final Source BOOTSTRAP = Source.newBuilder(
                    "python", ModuleSources.read("dev/botlink/sandbox/bot/bootstrap.py"), "<botlink>/bootstrap.py")
            .cached(true)
            .buildLiteral();

    private final Context context;
    private final ModuleSources modules;
    private final LogStream out;
    private final LogStream err;
    private final Value runtime;
    private final AtomicBoolean attached = new AtomicBoolean();

    private BotContext(Context context, ModuleSources modules, LogStream out, LogStream err, Value runtime) {
        this.context = context;
        this.modules = modules;
        this.out = out;
        this.err = err;
        this.runtime = runtime;
    }

    /**
     * Creates a context and runs the bootstrap in it. Sandboxed exactly like the bot it will serve: constrained
     * policy and host access, no stdin, stdout/stderr to the bot log. The bootstrap sees one host object, the
     * read-only {@link ModuleSources}; the bot's {@link BotBridge} arrives with {@link #attach}.
     *
     * @throws org.graalvm.polyglot.PolyglotException if the bootstrap fails (a Botlink bug, not a user error)
     */
    static BotContext prepare(Engine engine, ModuleSources modules) {
        var out = new LogStream("INFO");
        var err = new LogStream("ERROR");
        Context context = Context.newBuilder("python")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .in(InputStream.nullInputStream())
                .out(out)
                .err(err)
                .build();
        try {
            context.getBindings("python").putMember("__botlink_modules", modules);
            return new BotContext(context, modules, out, err, context.eval(BOOTSTRAP));
        } catch (RuntimeException e) {
            context.close(true);
            throw e;
        }
    }

    /**
     * Gives this context to its bot (once): output goes to its log, {@code _botlink} acts for it through a new
     * {@link BotBridge}, and its id and settings become visible. Returns the runtime module (profitview._runtime).
     */
    Value attach(PythonBot bot) {
        if (!attached.compareAndSet(false, true)) {
            throw new IllegalStateException("a bot context is given to one bot only");
        }
        out.attach(bot);
        err.attach(bot);
        context.getBindings("python").getMember("_activate").execute(new BotBridge(bot, modules));
        return runtime;
    }

    Context context() {
        return context;
    }

    /** Closes the context, cancelling whatever still runs in it. */
    void close() {
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // Cancelling a context may surface the cancellation here; the context is closed either way.
        }
    }
}

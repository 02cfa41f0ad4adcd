package dev.botlink.sandbox.worker;

import dev.botlink.sandbox.bot.BotLimits;
import dev.botlink.sandbox.bot.BotManager;
import dev.botlink.sandbox.check.SyntaxCheck;
import dev.botlink.sandbox.host.WorkerLauncher;
import java.io.OutputStream;
import java.util.logging.Logger;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * A worker process: one shared GraalPy engine, many bots, one connection to the host that it dials and keeps.
 * It refuses to run interpreted (without the Graal JIT) unless started with {@code --allow-interpreted}.
 */
public final class WorkerMain {
    private static final Logger LOG = Logger.getLogger(WorkerMain.class.getName());

    private WorkerMain() {}

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        WorkerOptions options = WorkerOptions.parse(args, System.getenv(WorkerLauncher.TOKEN_ENV));
        Engine engine = Engine.newBuilder("python")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        String runtime = engine.getImplementationName() + " " + engine.getVersion();
        boolean jit = !engine.getImplementationName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("interpreted");
        LOG.info(() -> "worker " + options.workerId() + " runtime: " + runtime + (jit ? " (JIT)" : " (interpreted)"));
        if (!jit && !options.allowInterpreted()) {
            LOG.severe("refusing to run bots interpreted: start the worker with the Graal compiler on"
                    + " --upgrade-module-path (WorkerLauncher does) or pass --allow-interpreted");
            System.exit(3);
        }
        var link = new HostLink(options, runtime);
        var bots = new BotManager(engine, link, BotLimits.fromSystemProperties());
        link.attach(bots);
        link.attach(new SyntaxCheck(engine, java.time.Duration.ofSeconds(5)));
        long warmStart = System.nanoTime();
        boolean warm = bots.warmUp(java.time.Duration.ofMinutes(3));
        LOG.info(() -> "warm-up " + (warm ? "done" : "timed out") + " in " + (System.nanoTime() - warmStart) / 1_000_000
                + " ms");
        Runtime.getRuntime().addShutdownHook(new Thread(bots::close));
        link.runUntilGivenUp();
        LOG.severe("host unreachable for " + options.giveUpAfter().toSeconds() + " s; worker exits");
        bots.close();
        System.exit(2);
    }
}

package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.time.WallClock;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/** Where a bot start's time goes, phase by phase, in this JVM: a measuring aid, not a test. */
public final class StartProfileMain {
    public static void main(String[] args) throws Exception {
        var engine = Engine.newBuilder("python")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        System.out.println("runtime " + engine.getImplementationName());
        BotHost host = new BotHost() {
            public void send(Frame frame) {}

            public boolean trySend(Frame frame) {
                return true;
            }

            public CompletableFuture<Frame> request(Frame frame) {
                return CompletableFuture.completedFuture(frame);
            }
        };
        var modules = new ModuleSources();
        var limits = BotLimits.fromSystemProperties();
        Source stdlib = Source.newBuilder(
                        "python",
                        "import importlib.machinery, json, linecache, math, types, re, traceback, logging, datetime,"
                                + " threading, itertools, time",
                        "<stdlib>")
                .cached(true)
                .buildLiteral();
        String script = args.length > 0 ? java.nio.file.Files.readString(java.nio.file.Path.of(args[0])) : """
                from profitview import Link, http

                class Trading(Link):
                    @http.route
                    def get_ping(self, data):
                        return 'pong'
                """;
        var spares = new SpareContexts(engine, modules, 0);
        int rounds = Integer.getInteger("rounds", 12);
        for (int i = 0; i < rounds; i++) {
            var bot = new PythonBot(
                    new BotStart("b" + i, "my_bot.py", script, Map.of(), new WallClock()),
                    spares,
                    host,
                    limits,
                    b -> {});
            if (Boolean.getBoolean("stdlib")) {
                long s0 = System.nanoTime();
                Context plain = Context.newBuilder("python")
                        .engine(engine)
                        .sandbox(SandboxPolicy.CONSTRAINED)
                        .allowHostAccess(HostAccess.CONSTRAINED)
                        .in(InputStream.nullInputStream())
                        .out(OutputStream.nullOutputStream())
                        .err(OutputStream.nullOutputStream())
                        .build();
                plain.initialize("python");
                long s1 = System.nanoTime();
                plain.eval(stdlib);
                System.out.printf(
                        "   plain context %d ms, stdlib imports %d ms%n",
                        (s1 - s0) / 1_000_000, (System.nanoTime() - s1) / 1_000_000);
                plain.close();
            }
            long t0 = System.nanoTime();
            BotContext prepared = BotContext.prepare(engine, modules);
            long t1 = System.nanoTime();
            Value runtime = prepared.attach(bot);
            long t2 = System.nanoTime();
            Value error = runtime.getMember("load").execute("my_bot.py", script);
            long t3 = System.nanoTime();
            runtime.getMember("after_load").execute();
            long t4 = System.nanoTime();
            System.out.printf(
                    "round %2d prepare (context + bootstrap) %5d ms | attach %4d ms  load %4d ms  after_load %4d ms %s%n",
                    i,
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000,
                    error.isNull() ? "" : error);
            prepared.close();
        }
        System.exit(0);
    }
}

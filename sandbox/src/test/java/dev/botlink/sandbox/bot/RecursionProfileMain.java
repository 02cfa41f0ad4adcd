package dev.botlink.sandbox.bot;

import java.io.InputStream;
import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

/**
 * How long a runaway recursion takes to raise a RecursionError and to format it (Botlink's formatter and Python's),
 * on a thread with the bots' stack size: a measuring aid, not a test.
 */
public final class RecursionProfileMain {
    public static void main(String[] args) throws Exception {
        var engine = Engine.newBuilder("python")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        String formatter = ModuleSources.read("dev/botlink/sandbox/python/profitview/_traceback.py");
        Source code = Source.create("python", """
                import time, traceback, types
                tbm = types.ModuleType('tbm')
                exec(FORMATTER, tbm.__dict__)
                import sys
                DEPTH = [0]
                if LIMIT > 0:
                    sys.setrecursionlimit(LIMIT)
                def down(n):
                    DEPTH[0] = n
                    return down(n + 1) + 1
                def run():
                    t0 = time.time()
                    try:
                        down(0)
                    except RecursionError as e:
                        t1 = time.time()
                        text = tbm.format_exception(e, (), 30)
                        t2 = time.time()
                        old = ''.join(traceback.format_exception(type(e), e, e.__traceback__, limit=-30))
                        t3 = time.time()
                        return (f"raise {int((t1 - t0) * 1000)} ms, botlink format {int((t2 - t1) * 1000)} ms"
                                f" ({len(text)} chars), traceback.format_exception {int((t3 - t2) * 1000)} ms,"
                                f" depth {DEPTH[0]}, limit {sys.getrecursionlimit()}")
                run
                """);
        for (int i = 0; i < Integer.getInteger("rounds", 4); i++) {
            Context context = Context.newBuilder("python")
                    .engine(engine)
                    .sandbox(SandboxPolicy.CONSTRAINED)
                    .allowHostAccess(HostAccess.CONSTRAINED)
                    .in(InputStream.nullInputStream())
                    .out(OutputStream.nullOutputStream())
                    .err(OutputStream.nullOutputStream())
                    .build();
            context.getBindings("python").putMember("FORMATTER", formatter);
            context.getBindings("python").putMember("LIMIT", Integer.getInteger("limit", 0));
            var run = context.eval(code);
            for (int j = 0; j < 3; j++) {
                String[] out = new String[1];
                Thread t = Thread.ofPlatform().stackSize(PythonBot.STACK_BYTES).start(() -> {
                    long t0 = System.nanoTime();
                    out[0] = run.execute().asString() + " total " + (System.nanoTime() - t0) / 1_000_000 + " ms";
                });
                t.join();
                System.out.println("context " + i + " call " + j + ": " + out[0]);
            }
            context.close();
        }
        System.exit(0);
    }
}

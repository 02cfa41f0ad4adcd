package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.time.WallClock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.graalvm.polyglot.Engine;

/** Runs one bot in this JVM and prints its frames: a debugging aid, not a test. */
public final class InProcessDebugMain {
    public static void main(String[] args) throws Exception {
        var engine = Engine.newBuilder("python")
                .sandbox(org.graalvm.polyglot.SandboxPolicy.CONSTRAINED)
                .out(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out)))
                .err(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err)))
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        BotHost host = new BotHost() {
            public void send(Frame frame) {
                System.out.println("SEND " + frame);
            }

            public boolean trySend(Frame frame) {
                System.out.println("TRY " + frame);
                return true;
            }

            public CompletableFuture<Frame> request(Frame frame) {
                System.out.println("REQ " + frame);
                return CompletableFuture.completedFuture(frame);
            }
        };
        var manager = new BotManager(engine, host, BotLimits.fromSystemProperties());
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(args[0]));
        manager.start(new BotStart("b1", "my_bot.py", source, Map.of(), new WallClock()));
        Thread.sleep(Long.parseLong(args.length > 1 ? args[1] : "20000"));
        manager.deliver(
                "b1",
                "quote",
                "bitmex",
                "XBTUSD",
                Map.of("bid", java.util.List.of(1, 2), "ask", java.util.List.of(2, 3), "time", 5));
        Thread.sleep(5000);
        System.exit(0);
    }
}

package dev.botlink.sandbox.bot;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A context's raw stdout/stderr: complete lines go to the bot log; a line is cut at 8 KiB. The context is
 * created before its bot is known (spare contexts), so output before {@link #attach} is dropped.
 */
final class LogStream extends OutputStream {
    private static final int MAX_LINE = 8192;

    private final String level;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile PythonBot bot;

    LogStream(String level) {
        this.level = level;
    }

    void attach(PythonBot owner) {
        bot = owner;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n' || line.size() >= MAX_LINE) {
            flushLine();
        }
        if (b != '\n') {
            line.write(b);
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        PythonBot owner = bot;
        if (owner != null) {
            owner.log(level, line.toString(StandardCharsets.UTF_8));
        }
        line.reset();
    }
}

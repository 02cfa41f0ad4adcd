package dev.botlink.sandbox.bot;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A context's raw stdout/stderr: complete lines go to the bot log; a line is cut at 8 KiB. */
final class LogStream extends OutputStream {
    private static final int MAX_LINE = 8192;

    private final PythonBot bot;
    private final String level;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogStream(PythonBot bot, String level) {
        this.bot = bot;
        this.level = level;
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
        bot.log(level, line.toString(StandardCharsets.UTF_8));
        line.reset();
    }
}

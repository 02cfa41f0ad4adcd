package dev.botlink.platform.backtest.imports;

/** An imported CSV that cannot be used, with the (1-based) line that shows why. */
public final class CsvProblem extends IllegalArgumentException {

    private final long line;

    CsvProblem(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}

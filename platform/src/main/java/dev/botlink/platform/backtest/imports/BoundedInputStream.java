package dev.botlink.platform.backtest.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what is read and fails with {@link TooLong} past a limit (also guards against gzip bombs). */
final class BoundedInputStream extends FilterInputStream {

    /** Unchecked, so it passes through readers that wrap IOExceptions. */
    static final class TooLong extends RuntimeException {
        TooLong() {
            super("the input is longer than allowed");
        }
    }

    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw new TooLong();
        }
    }
}

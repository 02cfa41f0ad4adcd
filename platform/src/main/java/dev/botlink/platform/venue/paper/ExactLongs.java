package dev.botlink.platform.venue.paper;

import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact integer arithmetic for the matching hot path: products and quotients of longs with an explicit rounding
 * mode. A product that does not fit a long is computed with {@link BigInteger} instead (exact, only slower); a
 * result that does not fit a long throws {@link ArithmeticException}, never wraps.
 */
final class ExactLongs {

    private ExactLongs() {}

    /** {@code a·b/d} rounded by {@code mode}; {@code d} must not be 0. */
    static long mulDiv(long a, long b, long d, RoundingMode mode) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return divide(low, d, mode);
        }
        BigInteger[] qr =
                BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(d));
        long q = qr[0].longValueExact();
        return adjust(
                q, qr[1].signum() == 0 ? 0 : qr[1].signum() * Long.signum(d), twiceRemainderVsDivisor(qr[1], d), mode);
    }

    /** {@code n/d} rounded by {@code mode}; {@code d} must not be 0. */
    static long divide(long n, long d, RoundingMode mode) {
        long q = n / d;
        long r = n % d;
        if (r == 0) {
            return q;
        }
        // Sign of the exact quotient's fraction, and how the remainder compares with half the divisor.
        int fractionSign = Long.signum(r) * Long.signum(d);
        long absR = Math.abs(r);
        long absD = Math.abs(d);
        int half = Long.compare(absR, absD - absR);
        return adjust(q, fractionSign, half, mode);
    }

    private static int twiceRemainderVsDivisor(BigInteger r, long d) {
        BigInteger absR = r.abs();
        return absR.shiftLeft(1).compareTo(BigInteger.valueOf(d).abs());
    }

    /**
     * Rounds the truncated quotient {@code q} whose dropped fraction has sign {@code fractionSign} (0: exact) and
     * compares with one half as {@code half} (-1 below, 0 at, 1 above).
     */
    private static long adjust(long q, int fractionSign, int half, RoundingMode mode) {
        if (fractionSign == 0) {
            return q;
        }
        boolean away =
                switch (mode) {
                    case DOWN -> false;
                    case UP -> true;
                    case FLOOR -> fractionSign < 0;
                    case CEILING -> fractionSign > 0;
                    case HALF_UP -> half >= 0;
                    case HALF_DOWN -> half > 0;
                    case HALF_EVEN -> half > 0 || (half == 0 && (q & 1) != 0);
                    case UNNECESSARY -> throw new ArithmeticException("rounding necessary");
                };
        return away ? Math.addExact(q, fractionSign) : q;
    }
}

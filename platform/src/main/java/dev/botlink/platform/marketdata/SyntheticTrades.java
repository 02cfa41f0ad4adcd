package dev.botlink.platform.marketdata;

import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * A seeded generator of trades with volatility clustering and bursty arrivals, for symbols without a recording.
 *
 * <p>Model: the per-second return variance {@code h} follows GARCH(1,1) updated at every trade, {@code h' = ω +
 * α·r²/Δt + β·h} with {@code ω = h̄(1-α-β)}, so calm and wild spells alternate around the long-run volatility.
 * Gaps between trades are exponential with a rate that rises with volatility ({@code λ·sqrt(h/h̄)}, clamped to
 * 0.2..5 times {@code λ}), so trading clusters when the price moves. Each trade's log return is {@code sqrt(h·Δt)·z},
 * sizes are log-normal, and the taker side follows the move. The same seed gives the same tape.
 */
public final class SyntheticTrades implements TradeSource {

    private static final double ALPHA = 0.08;
    private static final double BETA = 0.90;
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private final SplittableRandom random;
    private final double longRunVariance;
    private final double tradesPerSecond;
    private final double meanSize;
    private double variance;
    private double price;
    private long time;
    private long gapToNext;
    private double lastReturn;

    /**
     * @param annualVolatility long-run volatility, e.g. 0.6 for 60% a year
     * @param tradesPerSecond long-run arrival rate
     * @param meanSize mean trade size in the source's units (e.g. coins)
     */
    public SyntheticTrades(
            long seed,
            long startTime,
            double startPrice,
            double annualVolatility,
            double tradesPerSecond,
            double meanSize) {
        if (!(startPrice > 0) || !(annualVolatility > 0) || !(tradesPerSecond > 0) || !(meanSize > 0)) {
            throw new IllegalArgumentException("synthetic trades need positive price, volatility, rate and size");
        }
        this.random = new SplittableRandom(seed);
        this.longRunVariance = annualVolatility * annualVolatility / SECONDS_PER_YEAR;
        this.tradesPerSecond = tradesPerSecond;
        this.meanSize = meanSize;
        this.variance = longRunVariance;
        this.price = startPrice;
        this.gapToNext = gapMillis();
        this.time = startTime + gapToNext;
    }

    @Override
    public long peekTime() {
        return time;
    }

    @Override
    public TapeTrade next() {
        double seconds = gapToNext / 1000.0;
        lastReturn = Math.sqrt(variance * seconds) * random.nextGaussian();
        variance = longRunVariance * (1 - ALPHA - BETA) + ALPHA * lastReturn * lastReturn / seconds + BETA * variance;
        price *= Math.exp(lastReturn);
        TapeTrade trade = new TapeTrade(time, BigDecimal.valueOf(price), BigDecimal.valueOf(size()), side());
        gapToNext = gapMillis();
        time += gapToNext;
        return trade;
    }

    /** Current per-second return variance (for tests of the clustering). */
    double variance() {
        return variance;
    }

    private long gapMillis() {
        double intensity = Math.clamp(Math.sqrt(variance / longRunVariance), 0.2, 5.0);
        double gapSeconds = -Math.log(1 - random.nextDouble()) / (tradesPerSecond * intensity);
        return Math.max(1L, Math.round(gapSeconds * 1000));
    }

    private double size() {
        double sigma = 1.0;
        double mu = Math.log(meanSize) - sigma * sigma / 2;
        return Math.exp(mu + sigma * random.nextGaussian());
    }

    private Side side() {
        if (lastReturn == 0) {
            return random.nextBoolean() ? Side.BUY : Side.SELL;
        }
        return lastReturn > 0 ? Side.BUY : Side.SELL;
    }
}

package dev.botlink.marketplace.marketmaker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * The spread multiplier from Bollinger band width: wider quotes in volatile markets protect against
 * adverse selection. Width = (upper − lower) / middle = 2 × deviations × σ / mean over the last
 * {@code period} closes (population σ, as TA-Lib's BBANDS).
 */
final class VolatilitySpread {
    private static final MathContext MATH = MathContext.DECIMAL64;
    private final MarketMakerParameters parameters;

    VolatilitySpread(MarketMakerParameters parameters) {
        this.parameters = parameters;
    }

    /** The Bollinger width over the last closes; empty while fewer than {@code period} closes exist. */
    Optional<BigDecimal> width(List<BigDecimal> closes) {
        int period = parameters.bollingerPeriod();
        if (closes.size() < period) {
            return Optional.empty();
        }
        List<BigDecimal> window = closes.subList(closes.size() - period, closes.size());
        BigDecimal count = BigDecimal.valueOf(period);
        BigDecimal mean =
                window.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(count, MATH);
        BigDecimal variance = window.stream()
                .map(close -> close.subtract(mean).pow(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(count, MATH);
        BigDecimal sigma = variance.sqrt(MATH);
        return Optional.of(BigDecimal.TWO
                .multiply(parameters.bollingerDeviations())
                .multiply(sigma)
                .divide(mean, MATH));
    }

    /** {@code 1 + sensitivity × max(0, (width − baseline) / baseline)}, capped; 1 without enough closes. */
    BigDecimal multiplier(List<BigDecimal> closes) {
        return width(closes).map(this::multiplierFor).orElse(BigDecimal.ONE);
    }

    private BigDecimal multiplierFor(BigDecimal width) {
        BigDecimal baseline = parameters.volatilityBaseline();
        BigDecimal excess = width.subtract(baseline).max(BigDecimal.ZERO).divide(baseline, MATH);
        BigDecimal multiplier = BigDecimal.ONE.add(excess.multiply(parameters.volatilitySensitivity()));
        return multiplier.min(parameters.maxSpreadMultiplier());
    }
}

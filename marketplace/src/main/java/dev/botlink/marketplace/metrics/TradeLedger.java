package dev.botlink.marketplace.metrics;

import dev.botlink.marketplace.execution.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Average-cost accounting of fills: realized profit of each fill that reduces or closes a position.
 * The cost basis is kept exactly; only the share of it that a partial close releases is divided, at 34
 * significant digits (DECIMAL128), far below a cent.
 */
final class TradeLedger {
    private BigDecimal position = BigDecimal.ZERO;
    private BigDecimal cost = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private int wins;
    private int losses;
    private final List<ClosedTrade> closedTrades = new ArrayList<>();

    void add(Fill fill) {
        BigDecimal signed = fill.signedSize();
        fees = fees.add(fill.fee());
        BigDecimal tradeProfit = fill.fee().negate();
        if (position.signum() != 0 && position.signum() != signed.signum()) {
            Side closedSide = position.signum() > 0 ? Side.BUY : Side.SELL;
            BigDecimal closing = signed.abs().min(position.abs());
            BigDecimal releasedCost = cost.multiply(closing).divide(position.abs(), MathContext.DECIMAL128);
            BigDecimal proceeds = fill.price().multiply(closing);
            tradeProfit = tradeProfit.add(
                    position.signum() > 0 ? proceeds.subtract(releasedCost) : releasedCost.subtract(proceeds));
            cost = cost.subtract(releasedCost);
            position = position.add(closing.multiply(BigDecimal.valueOf(signed.signum())));
            signed = signed.subtract(closing.multiply(BigDecimal.valueOf(signed.signum())));
            count(tradeProfit);
            closedTrades.add(new ClosedTrade(
                    fill.timeMillis(),
                    closedSide,
                    closing,
                    releasedCost.divide(closing, MathContext.DECIMAL128),
                    fill.price(),
                    tradeProfit));
        }
        if (signed.signum() != 0) {
            cost = cost.add(fill.price().multiply(signed.abs()));
            position = position.add(signed);
        }
        if (position.signum() == 0) {
            cost = BigDecimal.ZERO;
        }
        realized = realized.add(tradeProfit);
    }

    private void count(BigDecimal profit) {
        if (profit.signum() > 0) {
            wins++;
        } else if (profit.signum() < 0) {
            losses++;
        }
    }

    List<ClosedTrade> closedTrades() {
        return List.copyOf(closedTrades);
    }

    BigDecimal position() {
        return position;
    }

    BigDecimal realized() {
        return realized;
    }

    BigDecimal fees() {
        return fees;
    }

    int wins() {
        return wins;
    }

    int losses() {
        return losses;
    }
}

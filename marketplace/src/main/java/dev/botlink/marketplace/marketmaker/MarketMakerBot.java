package dev.botlink.marketplace.marketmaker;

import dev.botlink.marketplace.execution.AccountState;
import dev.botlink.marketplace.execution.DesiredOrder;
import dev.botlink.marketplace.execution.ExecutionSettings;
import dev.botlink.marketplace.execution.GuardedBot;
import dev.botlink.marketplace.execution.Instrument;
import dev.botlink.marketplace.execution.MarketState;
import dev.botlink.marketplace.execution.OrderIntent;
import dev.botlink.marketplace.execution.Side;
import dev.botlink.marketplace.signal.FairValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Market Maker bot: quotes both sides around the fair value of the latest {@code quote=} signal.
 *
 * <p>Half-spread h = max(fair × halfSpread × volatility multiplier, half the signal's [bid, ask] width).
 * Inventory skews both quotes away from the side that would grow the position. Quotes are recomputed every
 * {@code quoteIntervalMillis} or on a new signal; quotes already at the right price keep their place in
 * the queue. A quote is never placed through the book (bids stay below the best ask, asks above the best
 * bid). The bid is sized to keep {@code minCashRatio} of the balance uncommitted and neither side may take
 * the position past {@code maxInventory}.
 */
public final class MarketMakerBot extends GuardedBot<FairValue> {
    private static final MathContext MATH = MathContext.DECIMAL64;
    private final MarketMakerParameters parameters;
    private final VolatilitySpread volatility;
    private long lastQuoteMillis = Long.MIN_VALUE;
    private boolean freshSignal;

    public MarketMakerBot(String botId, MarketMakerParameters parameters, ExecutionSettings settings) {
        super(FairValue.class, "Market Maker", botId, settings);
        this.parameters = parameters;
        this.volatility = new VolatilitySpread(parameters);
    }

    @Override
    protected String expectedKeyword() {
        return "quote= or bid=/ask=";
    }

    @Override
    protected void onAccepted(FairValue accepted) {
        freshSignal = true;
    }

    @Override
    protected List<OrderIntent> decide(FairValue signal, MarketState market, AccountState account, List<String> notes) {
        boolean due = market.timeMillis() - lastQuoteMillis >= parameters.quoteIntervalMillis();
        if (!due && !freshSignal) {
            return List.of();
        }
        lastQuoteMillis = market.timeMillis();
        freshSignal = false;
        return reconcile(quotes(signal, market, account, notes), account);
    }

    private List<DesiredOrder> quotes(FairValue signal, MarketState market, AccountState account, List<String> notes) {
        Instrument instrument = market.instrument();
        BigDecimal fair = signal.mid();
        BigDecimal multiplier = volatility.multiplier(market.recentCloses());
        BigDecimal half =
                fair.multiply(parameters.halfSpread()).multiply(multiplier).max(signal.halfWidth());
        BigDecimal skew = account.position()
                .divide(parameters.maxInventory(), MATH)
                .max(BigDecimal.ONE.negate())
                .min(BigDecimal.ONE);
        BigDecimal lean = parameters.skewFactor().multiply(skew);
        BigDecimal bidPrice = instrument
                .roundPrice(fair.subtract(half.multiply(BigDecimal.ONE.add(lean))), Side.BUY)
                .min(market.bestAsk().subtract(instrument.tickSize()));
        BigDecimal askPrice = instrument
                .roundPrice(fair.add(half.multiply(BigDecimal.ONE.subtract(lean))), Side.SELL)
                .max(market.bestBid().add(instrument.tickSize()));
        BigDecimal quoteSize = parameters.quoteNotional().divide(fair, MATH);
        List<DesiredOrder> quotes = new ArrayList<>();
        BigDecimal bidSize = quoteSize
                .min(parameters.maxInventory().subtract(account.position()))
                .min(bidBudget(account).divide(bidPrice.max(instrument.tickSize()), MATH));
        addQuote(Side.BUY, bidPrice, bidSize, instrument, quotes, notes);
        BigDecimal askSize = quoteSize.min(parameters.maxInventory().add(account.position()));
        addQuote(Side.SELL, askPrice, askSize, instrument, quotes, notes);
        return quotes;
    }

    /** Balance the bid may use: available plus what our own bids already hold, less the cash reserve. */
    private BigDecimal bidBudget(AccountState account) {
        BigDecimal heldByBids = account.openOrders().stream()
                .filter(order -> order.side() == Side.BUY)
                .map(order -> order.price().multiply(order.remainingSize()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal usable = BigDecimal.ONE.subtract(parameters.minCashRatio());
        return account.availableBalance().add(heldByBids).multiply(usable);
    }

    private static void addQuote(
            Side side,
            BigDecimal price,
            BigDecimal rawSize,
            Instrument instrument,
            List<DesiredOrder> quotes,
            List<String> notes) {
        BigDecimal size = instrument.roundSizeDown(rawSize.max(BigDecimal.ZERO));
        if (price.signum() <= 0) {
            notes.add(side + " quote price " + price.toPlainString() + " is not positive: not quoted");
        } else if (!instrument.isTradable(size)) {
            notes.add(side + " quote size "
                    + rawSize.max(BigDecimal.ZERO).round(MATH).toPlainString()
                    + " is below one lot (" + instrument.lotSize().toPlainString()
                    + ") after inventory and cash limits: not quoted");
        } else {
            quotes.add(new DesiredOrder(side, price, size));
        }
    }
}

package dev.botlink.platform.venue.paper;

import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.venue.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The market's best bid and ask of one symbol in engine units. Quote prices off the tick grid are moved outwards
 * (bid down, ask up) so the paper venue never trades inside the quoted spread; sizes are at least one lot.
 */
record TopOfBook(long bidTicks, long bidUnits, long askTicks, long askUnits, long time) {

    static TopOfBook of(Instrument instrument, MarketQuote quote) {
        long bid = quote.bidPrice()
                .divide(instrument.tickSize(), 0, RoundingMode.FLOOR)
                .longValueExact();
        long ask = quote.askPrice()
                .divide(instrument.tickSize(), 0, RoundingMode.CEILING)
                .longValueExact();
        if (ask <= bid) {
            ask = bid + 1;
        }
        return new TopOfBook(
                bid, units(instrument, quote.bidSize()), ask, units(instrument, quote.askSize()), quote.time());
    }

    private static long units(Instrument instrument, BigDecimal size) {
        long units = size.divide(instrument.sizeStep(), 0, RoundingMode.DOWN).longValue();
        return Math.max(units, instrument.lotUnits());
    }

    /** Mid price, the mark price of positions (exact: halving a decimal terminates). */
    BigDecimal midPrice(Instrument instrument) {
        return instrument.price(bidTicks).add(instrument.price(askTicks)).divide(BigDecimal.TWO);
    }
}

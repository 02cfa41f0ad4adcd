package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.ExchangeClient;
import dev.botlink.platform.venue.ExchangeClientContract;
import dev.botlink.platform.venue.Side;
import java.math.BigDecimal;

/** The paper adapter against the port contract, on a scripted BitMEX market. */
class PaperExchangeClientContractTest extends ExchangeClientContract {

    @Override
    protected ExchangeClient newClient() {
        PaperDesk desk = PaperDesk.bitmex();
        desk.market.quote("XBTUSD", "30000", "50000", "30000.5", "50000");
        desk.market.trade("XBTUSD", Side.BUY, "30000.5", "100");
        return desk.client;
    }

    @Override
    protected String symbol() {
        return "XBTUSD";
    }

    @Override
    protected BigDecimal restingBuyPrice() {
        return new BigDecimal("20000");
    }

    @Override
    protected BigDecimal betterRestingBuyPrice() {
        return new BigDecimal("20000.5");
    }

    @Override
    protected BigDecimal orderSize() {
        return new BigDecimal("100");
    }
}

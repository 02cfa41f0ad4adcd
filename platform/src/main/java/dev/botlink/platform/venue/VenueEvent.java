package dev.botlink.platform.venue;

import dev.botlink.platform.marketdata.MarketQuote;
import dev.botlink.platform.marketdata.MarketTrade;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a venue streams to an account: private order, fill and position updates and public quotes and trades. Each
 * names the Link callback it feeds ({@link #callback()}) and carries the callback's {@code data} in the seed's shape
 * ({@link #data()}).
 */
public sealed interface VenueEvent {

    /** Exchange id, e.g. {@code bitmex}. */
    String src();

    String sym();

    /** The Link callback, e.g. {@code order_update}. */
    String callback();

    /** The callback's {@code data} argument. */
    Map<String, Object> data();

    /** An order was accepted, changed, filled (partly) or cancelled. */
    record OrderUpdated(String src, String venue, OrderState order) implements VenueEvent {
        @Override
        public String sym() {
            return order.sym();
        }

        @Override
        public String callback() {
            return "order_update";
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("venue", venue);
            map.putAll(order.toLink());
            map.put(
                    "info",
                    Map.of(
                            "status",
                            order.status().nativeName(),
                            "filled_size",
                            order.filledSize().doubleValue()));
            return map;
        }
    }

    /** An order traded. */
    record OrderFilled(String src, String venue, Fill fill) implements VenueEvent {
        @Override
        public String sym() {
            return fill.sym();
        }

        @Override
        public String callback() {
            return "fill_update";
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("venue", venue);
            map.put("side", fill.side().link());
            map.put("fill_price", fill.fillPrice().doubleValue());
            map.put("fill_size", fill.fillSize().doubleValue());
            map.put("order_type", fill.orderType().name());
            map.put("time", fill.time());
            map.put("order_id", fill.orderId());
            map.put("trade_id", fill.tradeId());
            map.put("fee", fill.fee().doubleValue());
            map.put("fee_currency", fill.feeCurrency());
            map.put("info", Map.of("liquidity", fill.maker() ? "maker" : "taker", "liquidation", fill.liquidation()));
            return map;
        }
    }

    /** A position changed size, or its mark or liquidation price moved after a fill. */
    record PositionUpdated(String src, String venue, PositionState position) implements VenueEvent {
        @Override
        public String sym() {
            return position.sym();
        }

        @Override
        public String callback() {
            return "position_update";
        }

        @Override
        public Map<String, Object> data() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("venue", venue);
            Map<String, Object> link = position.toLink();
            map.put("pos_size", link.get("pos_size"));
            map.put("mark_price", link.get("mark_price"));
            map.put("entry_price", link.get("entry_price"));
            map.put("liq_price", link.get("liq_price"));
            map.put("time", position.time());
            map.put("info", link);
            return map;
        }
    }

    /** The top of book changed. */
    record QuoteUpdated(String src, MarketQuote quote) implements VenueEvent {
        @Override
        public String sym() {
            return quote.sym();
        }

        @Override
        public String callback() {
            return "quote_update";
        }

        @Override
        public Map<String, Object> data() {
            return quote.toLink();
        }
    }

    /** A public trade printed. */
    record TradePrinted(String src, MarketTrade trade) implements VenueEvent {
        @Override
        public String sym() {
            return trade.sym();
        }

        @Override
        public String callback() {
            return "trade_update";
        }

        @Override
        public Map<String, Object> data() {
            return trade.toLink();
        }
    }
}

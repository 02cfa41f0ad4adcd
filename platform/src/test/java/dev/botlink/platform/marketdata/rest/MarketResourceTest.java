package dev.botlink.platform.marketdata.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.botlink.platform.account.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Candles of the replayed market, by the account's venue name or by exchange id. */
@QuarkusTest
class MarketResourceTest {

    @Test
    void candlesOfAVenueSymbol() {
        Accounts alice = Accounts.signUpFresh();
        alice.request()
                .get("/api/markets/BitMEX/XBTUSD/candles?level=1m&limit=50")
                .then()
                .statusCode(200)
                .body("exchange", equalTo("bitmex"))
                .body("level", equalTo("1m"))
                .body("candles.size()", greaterThan(0))
                .body("candles.size()", lessThanOrEqualTo(50))
                .body("candles", everyItem(hasKey("close")));
        alice.request()
                .get("/api/markets/woo/PERP_BTC_USDT/candles?level=1h")
                .then()
                .statusCode(200)
                .body("level", equalTo("1h"));
    }

    @Test
    void unknownSymbolsLevelsAndLimitsAreRefused() {
        Accounts bob = Accounts.signUpFresh();
        bob.request().get("/api/markets/BitMEX/NOPE/candles").then().statusCode(404);
        bob.request().get("/api/markets/BitMEX/XBTUSD/candles?level=7m").then().statusCode(400);
        bob.request().get("/api/markets/BitMEX/XBTUSD/candles?limit=0").then().statusCode(400);
    }
}

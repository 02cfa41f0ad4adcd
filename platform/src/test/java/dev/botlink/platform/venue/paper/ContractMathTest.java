package dev.botlink.platform.venue.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.botlink.platform.venue.Instrument;
import dev.botlink.platform.venue.Rejection;
import dev.botlink.platform.venue.VenueRejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/** The scaled-long money of paper instruments agrees with exact decimal arithmetic, rounding where documented. */
class ContractMathTest {

    private static final Instrument XBTUSD =
            PaperInstruments.forExchange("bitmex").orElseThrow().get("XBTUSD");
    private static final Instrument XBTUSDT =
            PaperInstruments.forExchange("bitmex").orElseThrow().get("XBTUSDT");
    private static final Instrument PERP_BTC =
            PaperInstruments.forExchange("woo").orElseThrow().get("PERP_BTC_USDT");

    @Test
    void linearValuesAreExactInTheirValueUnit() {
        ContractMath math = ContractMath.of(XBTUSDT);
        assertThat(math.valueScale).isEqualTo(7);
        long ticks = XBTUSDT.priceTicks(new BigDecimal("50000.5"));
        assertThat(math.valueDecimal(math.value(1000, ticks)))
                .isEqualByComparingTo(XBTUSDT.value(1000, new BigDecimal("50000.5")));
        ContractMath woo = ContractMath.of(PERP_BTC);
        assertThat(woo.valueScale).isEqualTo(6);
        assertThat(woo.valueDecimal(woo.value(123, PERP_BTC.priceTicks(new BigDecimal("64321.7")))))
                .isEqualByComparingTo(PERP_BTC.value(123, new BigDecimal("64321.7")));
    }

    @Test
    void inverseValuesRoundHalfEvenToTheSatoshiPerFill() {
        ContractMath math = ContractMath.of(XBTUSD);
        BigDecimal price = new BigDecimal("55000");
        // 1000 USD at 55,000 = 0.018181818... XBT: 1,818,182 satoshis, negative for a buy (value = -q·m/p)
        assertThat(math.value(1000, XBTUSD.priceTicks(price))).isEqualTo(-1_818_182);
        assertThat(math.value(-1000, XBTUSD.priceTicks(price))).isEqualTo(1_818_182);
        assertThat(math.amount(-math.value(1000, XBTUSD.priceTicks(price))))
                .isEqualByComparingTo(XBTUSD.value(-1000, price).setScale(8, RoundingMode.HALF_EVEN));
    }

    @Test
    void feesAndMarginsAreWholeSettlementUnitsHalfEven() {
        ContractMath math = ContractMath.of(XBTUSDT);
        long value = math.value(1000, XBTUSDT.priceTicks(new BigDecimal("50000.5")));
        // 50.0005 USDT × 0.075% = 0.0375003750 → 0.037500
        assertThat(math.amount(math.settledShare(value, math.takerRate))).isEqualByComparingTo("0.037500");
        assertThat(math.amount(math.settledShare(value, math.initRate))).isEqualByComparingTo("5.000050");
    }

    @Test
    void unrealisedPnlAtAHalfTickMarkIsRoundedOnce() {
        ContractMath math = ContractMath.of(XBTUSDT);
        long entry = math.value(1000, XBTUSDT.priceTicks(new BigDecimal("50000.5")));
        long markHalfTicks = 204_001; // bid 51000 + ask 51000.5 ticks: mark 51000.25
        assertThat(math.amount(math.unrealised(1000, entry, markHalfTicks))).isEqualByComparingTo("0.99975");
    }

    @Test
    void liquidationPricesRoundTowardsTheEntry() {
        ContractMath linear = ContractMath.of(XBTUSDT);
        long longEntry = linear.value(1000, XBTUSDT.priceTicks(new BigDecimal("50000.5")));
        // 50000.5 × (1 - 0.095) = 45250.4525 → up to the tick: 45250.5
        assertThat(XBTUSDT.price(linear.liquidationTicks(1000, longEntry))).isEqualByComparingTo("45250.5");
        ContractMath inverse = ContractMath.of(XBTUSD);
        long shortEntry = inverse.value(-1000, XBTUSD.priceTicks(new BigDecimal("50000")));
        // 50000 / (1 - 0.095) = 55248.6187... → down to the tick: 55248.5
        assertThat(XBTUSD.price(inverse.liquidationTicks(-1000, shortEntry))).isEqualByComparingTo("55248.5");
    }

    @Test
    void decimalsConvertWithoutDivisionAndRefuseWhatIsOffGrid() {
        ContractMath math = ContractMath.of(XBTUSD);
        assertThat(math.priceTicks(new BigDecimal("50000.50"))).isEqualTo(100_001);
        assertThat(math.orderUnits(new BigDecimal("300"))).isEqualTo(300);
        assertThatThrownBy(() -> math.priceTicks(new BigDecimal("50000.3")))
                .isInstanceOfSatisfying(
                        VenueRejection.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.OFF_TICK));
        assertThatThrownBy(() -> math.orderUnits(new BigDecimal("150")))
                .isInstanceOfSatisfying(
                        VenueRejection.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.OFF_LOT));
        assertThat(math.price(100_001)).isEqualByComparingTo("50000.5");
        assertThat(math.halfTicksPrice(200_001)).isEqualByComparingTo("50000.25");
    }

    @Test
    void aValueBeyondALongIsRefusedNotWrapped() {
        ContractMath math = ContractMath.of(XBTUSDT);
        assertThatThrownBy(() -> math.value(Long.MAX_VALUE / 2, 100_000))
                .isInstanceOfSatisfying(
                        VenueRejection.class, e -> assertThat(e.rejection()).isEqualTo(Rejection.INVALID_ARGUMENT));
    }
}

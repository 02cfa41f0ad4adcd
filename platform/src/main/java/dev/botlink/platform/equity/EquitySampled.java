package dev.botlink.platform.equity;

import java.math.BigDecimal;

/** A new equity sample was stored (CDI event, fired after the commit, on the sampler's thread). */
public record EquitySampled(long accountId, String venue, String currency, long timeMs, BigDecimal equity) {}

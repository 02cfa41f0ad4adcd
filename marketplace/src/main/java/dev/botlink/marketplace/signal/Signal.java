package dev.botlink.marketplace.signal;

/**
 * A validated signal from a Signals bot: {@code self.signal(src, sym, ...)}. Which kind a bot accepts
 * depends on its type: Position takes {@link TargetPosition}, Grid takes {@link GridAnchor}, Market Maker
 * takes {@link FairValue}. Build one from the raw call with {@link SignalParser}.
 */
public sealed interface Signal permits TargetPosition, GridAnchor, FairValue {

    /** The exchange id the signal is for, e.g. {@code bitmex}. */
    String source();

    /** The symbol the signal is for, e.g. {@code XBTUSD}. */
    String symbol();

    /** The keyword the user passes for this kind of signal, for messages. */
    String keyword();
}

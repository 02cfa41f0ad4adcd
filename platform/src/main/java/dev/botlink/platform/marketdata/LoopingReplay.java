package dev.botlink.platform.marketdata;

import java.util.List;

/**
 * Replays a {@link RecordedTape} from {@code anchor} (epoch ms) on, forever and without jumps: the tape plays
 * forwards, then backwards (time mirrored, so gaps between trades are kept), then forwards again. Prices therefore
 * join seamlessly at every turn while every move is one that really happened.
 */
public final class LoopingReplay implements TradeSource {

    /** Pause at each turn so the repeated turning trade does not share a timestamp with its twin. */
    static final long TURN_PAUSE_MILLIS = 1_000L;

    private final List<TapeTrade> trades;
    private final long passMillis;
    private long passStart;
    private boolean forward = true;
    private int index;

    public LoopingReplay(RecordedTape tape, long anchor) {
        this.trades = tape.trades();
        this.passMillis = tape.duration() + TURN_PAUSE_MILLIS;
        this.passStart = anchor;
    }

    @Override
    public long peekTime() {
        return timeOf(index);
    }

    @Override
    public TapeTrade next() {
        TapeTrade recorded = trades.get(index);
        TapeTrade trade = new TapeTrade(timeOf(index), recorded.price(), recorded.size(), null);
        advance();
        return trade;
    }

    private long timeOf(int i) {
        long offset = trades.get(i).time();
        return passStart + (forward ? offset : passMillis - TURN_PAUSE_MILLIS - offset);
    }

    private void advance() {
        if (forward ? index == trades.size() - 1 : index == 0) {
            forward = !forward;
            passStart += passMillis;
        } else {
            index += forward ? 1 : -1;
        }
    }
}

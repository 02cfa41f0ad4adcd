package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.PositionState;

/** Where the matching engine reports what it changed, synchronously and in order. */
interface PaperEvents {

    void order(OrderState order);

    void fill(Fill fill);

    void position(PositionState position);

    /** Whether anyone receives fill events; when not, the engine skips building them. */
    default boolean enabled() {
        return true;
    }

    /** Receives nothing (benchmarks of the bare engine). */
    PaperEvents NONE = new PaperEvents() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void order(OrderState order) {}

        @Override
        public void fill(Fill fill) {}

        @Override
        public void position(PositionState position) {}
    };
}

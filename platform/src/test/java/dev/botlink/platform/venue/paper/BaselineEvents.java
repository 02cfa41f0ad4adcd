package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.Fill;
import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.PositionState;

/** Where the matching engine reports what it changed, synchronously and in order. */
interface BaselineEvents {

    void order(OrderState order);

    void fill(Fill fill);

    void position(PositionState position);

    BaselineEvents NONE = new BaselineEvents() {
        @Override
        public void order(OrderState order) {}

        @Override
        public void fill(Fill fill) {}

        @Override
        public void position(PositionState position) {}
    };
}

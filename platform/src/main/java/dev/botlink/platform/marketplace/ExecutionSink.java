package dev.botlink.platform.marketplace;

import dev.botlink.marketplace.metrics.Fill;
import java.math.BigDecimal;

/** Where a running deployment reports what it did. Called on the deployment's runner thread; may block briefly. */
interface ExecutionSink {

    void filled(long deploymentId, Fill fill);

    void equity(long deploymentId, long timeMillis, BigDecimal equity);

    /** The bot's status changed or it has something to say ({@code note} may be null). */
    void status(long deploymentId, String status, String note);
}

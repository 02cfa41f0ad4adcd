package dev.botlink.platform.venue;

/**
 * Receives a venue's events. Called on the venue's own thread, in order, one event at a time: implementations must
 * return quickly and never block (hand events to a bounded queue of their own). Exceptions thrown are caught and
 * dropped by the venue so one listener cannot stop another.
 */
@FunctionalInterface
public interface VenueListener {

    void onEvent(VenueEvent event);
}

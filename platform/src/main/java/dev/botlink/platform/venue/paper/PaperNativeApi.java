package dev.botlink.platform.venue.paper;

import dev.botlink.platform.venue.ExchangeCommand.CallEndpoint;

/**
 * {@code call_endpoint} of a paper venue: the simulated exchange's own REST endpoints, in its JSON shapes, answered
 * from the paper account. Implementations run under the client's lock and refuse what they do not simulate with
 * {@code unknown_endpoint}, naming what they do.
 */
interface PaperNativeApi {

    /**
     * The endpoint's answer (maps, lists and plain values).
     *
     * @throws dev.botlink.platform.venue.VenueRejection when the endpoint or its params are refused
     */
    Object call(CallEndpoint command);

    /** The native API of {@code client}'s exchange: BitMEX's or WOO X's. */
    static PaperNativeApi of(PaperExchangeClient client, int maxLevels) {
        return client.src().equals("woo") ? new WooNativeApi(client, maxLevels) : new BitmexNativeApi(client);
    }
}

package dev.botlink.platform.venue;

/** Thrown inside a venue adapter to refuse a call; adapters turn it into a {@link VenueError} in the result. */
public final class VenueRejection extends RuntimeException {

    private final Rejection rejection;

    public VenueRejection(Rejection rejection, String message) {
        super(message, null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }

    public VenueError toError() {
        return VenueError.of(rejection, getMessage());
    }
}

package dev.botlink.platform.error;

/**
 * A request the platform refuses for a reason the caller can fix, with the HTTP status it maps to. Services throw
 * these; {@link ErrorMappers} turns them into {@link ErrorBody} answers.
 */
public sealed class Problem extends RuntimeException {

    private final int status;

    private Problem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 404: also what another account's things look like, so their existence is not revealed. */
    public static final class NotFound extends Problem {
        public NotFound(String message) {
            super(404, message);
        }
    }

    public static final class Invalid extends Problem {
        public Invalid(String message) {
            super(400, message);
        }
    }

    public static final class Conflict extends Problem {
        public Conflict(String message) {
            super(409, message);
        }
    }

    /** 503: a part the request needs (a sandbox worker, say) is not ready yet; trying again later may work. */
    public static final class Unavailable extends Problem {
        public Unavailable(String message) {
            super(503, message);
        }
    }

    public static final class TooLarge extends Problem {
        public TooLarge(String message) {
            super(413, message);
        }
    }
}

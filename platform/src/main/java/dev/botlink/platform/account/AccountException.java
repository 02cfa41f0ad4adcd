package dev.botlink.platform.account;

import java.time.Duration;

/** Why an account operation was refused, each mapped to its HTTP status by {@link AccountErrorMappers}. */
public sealed class AccountException extends RuntimeException {

    AccountException(String message) {
        super(message);
    }

    public static final class Invalid extends AccountException {
        Invalid(String message) {
            super(message);
        }
    }

    public static final class Taken extends AccountException {
        Taken(String message) {
            super(message);
        }
    }

    public static final class BadCredentials extends AccountException {
        BadCredentials() {
            super("wrong username or password");
        }
    }

    public static final class LocalLoginDisabled extends AccountException {
        LocalLoginDisabled(String message) {
            super(message);
        }
    }

    public static final class Throttled extends AccountException {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}

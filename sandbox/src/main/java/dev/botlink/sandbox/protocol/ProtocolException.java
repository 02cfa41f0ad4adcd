package dev.botlink.sandbox.protocol;

/** A peer sent something that breaks the protocol (bad JSON, oversized frame, unknown type). */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.opsdeck.goservices.control;

/** The call did not leave Opsdeck (not configured, circuit open, bulkhead full, connection refused): nothing was sent. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.opsdeck.goservices.control;

/**
 * The request may have reached the service but no usable answer came back (read timeout, broken connection, 5xx):
 * whether it acted is unknown, so only a retry with the same idempotency key is safe.
 */
public class ServiceNoAnswerException extends RuntimeException {

    private final Integer status;

    public ServiceNoAnswerException(String message, Integer status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public Integer status() {
        return status;
    }
}

package dev.opsdeck.goservices.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class RemoteCallTest {

    @Test
    void serviceMessageIsKept() {
        assertEquals("payment is not settled", RemoteCall.message("{\"message\":\"payment is not settled\"}", "Conflict"));
    }

    @Test
    void bodyWithoutMessageOrEmptyFallsBack() {
        assertEquals("refund_requested", RemoteCall.message("{\"refund_id\":\"r1\",\"status\":\"refund_requested\"}", "Accepted"));
        assertEquals("Conflict", RemoteCall.message("", "Conflict"));
        assertEquals("upstream broke", RemoteCall.message("upstream broke", "Bad Gateway"));
    }

    @Test
    void refusedConnectionMeansNothingWasSent() {
        RuntimeException failure = RemoteCall.classify("payments", new ProcessingException(new ConnectException("Connection refused")));
        assertInstanceOf(ServiceUnavailableException.class, failure);
        assertEquals("payments service unavailable: Connection refused", failure.getMessage());
    }

    @Test
    void connectTimeoutMeansNothingWasSent() {
        assertInstanceOf(ServiceUnavailableException.class,
                RemoteCall.classify("accounts", new ProcessingException(new SocketTimeoutException("connect timed out"))));
    }

    @Test
    void readTimeoutMeansTheOutcomeIsUnknown() {
        RuntimeException failure = RemoteCall.classify("accounts", new ProcessingException(new SocketTimeoutException("Read timed out")));
        assertInstanceOf(ServiceNoAnswerException.class, failure);
        assertEquals("accounts service: no answer within the deadline", failure.getMessage());
    }
}

package dev.opsdeck.goservices.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * One call to a Go service, sorted into what it means for the command: an answer (2xx, 4xx, with the service's
 * {@code message}), nothing sent ({@link ServiceUnavailableException}) or no answer ({@link ServiceNoAnswerException}).
 */
public final class RemoteCall {

    private static final JsonProvider JSON = JsonProvider.provider();

    private RemoteCall() {
    }

    /** A REST client whose socket itself gives up at the deadline: a blocking read is cut, not merely abandoned. */
    public static <T> T client(ServiceEndpoint endpoint, Class<T> type) {
        return RestClientBuilder.newBuilder()
                .baseUri(endpoint.url().orElseThrow(() -> notConfigured(endpoint)))
                .connectTimeout(endpoint.connectTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .readTimeout(endpoint.deadline().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                // A streamed body stops the JDK's HTTP client from silently sending a POST again on a fresh
                // connection when the first one breaks before the answer: that second try, refused by a dead
                // service, would make a call that did reach it look as if nothing was ever sent.
                .property("jersey.config.client.request.entity.processing", "CHUNKED")
                .build(type);
    }

    public static ServiceUnavailableException notConfigured(ServiceEndpoint endpoint) {
        return new ServiceUnavailableException(endpoint.service() + " service not configured");
    }

    public static JsonObject body(String reason, String requestedBy) {
        return JSON.createObjectBuilder().add("reason", reason).add("requested_by", requestedBy).build();
    }

    public static ServiceAnswer call(String service, Callable<Response> call) {
        Response response;
        try {
            response = call.call();
        } catch (ServiceUnavailableException | ServiceNoAnswerException known) {
            throw known;
        } catch (Exception e) {
            throw classify(service, e);
        }
        try (response) {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            String message = message(body, response.getStatusInfo().getReasonPhrase());
            if (status >= 500) {
                throw new ServiceNoAnswerException(service + " service failed (" + status + "): " + message, status, null);
            }
            return new ServiceAnswer(status, message);
        } catch (ProcessingException e) {
            throw new ServiceNoAnswerException(service + " service: the answer could not be read: " + e.getMessage(), null, e);
        }
    }

    static RuntimeException classify(String service, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return new ServiceUnavailableException(service + " service unavailable: " + cause.getMessage(), failure);
            }
            if (cause instanceof SocketTimeoutException) {
                String text = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
                return text.contains("connect")
                        ? new ServiceUnavailableException(service + " service unavailable: connect timed out", failure)
                        : new ServiceNoAnswerException(service + " service: no answer within the deadline", null, failure);
            }
        }
        return new ServiceNoAnswerException(service + " service: call failed: " + failure, null, failure);
    }

    /** The {@code message} of the service's JSON error body, else the body itself, else the HTTP reason. */
    static String message(String body, String fallback) {
        if (body == null || body.isBlank()) {
            return fallback;
        }
        try {
            JsonValue json = JSON.createReader(new StringReader(body)).readValue();
            if (json instanceof JsonObject object) {
                if (object.get("message") instanceof jakarta.json.JsonString text) {
                    return text.getString();
                }
                if (object.get("status") instanceof jakarta.json.JsonString text) {
                    return text.getString();
                }
            }
        } catch (RuntimeException notJson) {
            // the body as it came is the best message there is
        }
        return body.length() <= 500 ? body : body.substring(0, 499) + "…";
    }
}

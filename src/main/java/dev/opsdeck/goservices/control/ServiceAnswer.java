package dev.opsdeck.goservices.control;

/** What a Go service answered: a 2xx accepts, a 4xx refuses with the service's own message. */
public record ServiceAnswer(int status, String message) {

    public boolean accepted() {
        return status >= 200 && status < 300;
    }
}

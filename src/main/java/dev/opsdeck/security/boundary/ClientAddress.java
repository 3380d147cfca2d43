package dev.opsdeck.security.boundary;

import jakarta.servlet.http.HttpServletRequest;

/** The address a request came from, as the audit log records it. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.length() <= 64 ? address : address.substring(0, 64);
    }
}

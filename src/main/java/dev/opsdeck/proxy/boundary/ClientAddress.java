package dev.opsdeck.proxy.boundary;

import jakarta.servlet.http.HttpServletRequest;

/** The address a request came from, as the audit log records it: the client's, also behind a trusted proxy. */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = ExternalOrigin.of(request).clientAddress();
        return address == null || address.length() <= 64 ? address : address.substring(0, 64);
    }
}

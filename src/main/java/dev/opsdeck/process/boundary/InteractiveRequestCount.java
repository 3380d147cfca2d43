package dev.opsdeck.process.boundary;

import dev.opsdeck.process.control.InteractiveRequests;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Counts every console and API request while it is being answered; ingestion yields while any is (see IngestionYield). */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class InteractiveRequestCount extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient InteractiveRequests requests;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try (InteractiveRequests.Counted counted = requests.begin()) {
            chain.doFilter(request, response);
        }
    }
}

package dev.opsdeck.tracing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestRoutesTest {

    @Test
    void joinsTheServletPathAndTheResourceTemplatesWithSingleSlashes() {
        assertEquals("/api/v1/payments/{id}/refund-requests", RequestRoutes.join("/api", "v1/payments/{id}/refund-requests", null));
        assertEquals("/api/v1/reports/{id}/download", RequestRoutes.join("/api", "/v1/reports/", "{id}/download"));
        assertEquals("/", RequestRoutes.join("", null));
    }

    @Test
    void anUnmatchedRequestIsNamedWithoutItsVariablePart() {
        assertEquals("/payments/index.xhtml", RequestRoutes.unmatched("/payments/index.xhtml", null));
        assertEquals("/api/*", RequestRoutes.unmatched("/api", "/v1/payments/5f0c9a52-6f5e-4c1e-9a43-2b8c1f0f7a10"));
        assertEquals("/", RequestRoutes.unmatched("", null));
    }

    @Test
    void probesDocumentationAndStaticFilesAreNeitherTracedNorLogged() {
        assertFalse(RequestRoutes.traced("/health/ready"));
        assertFalse(RequestRoutes.traced("/metrics"));
        assertFalse(RequestRoutes.traced("/jakarta.faces.resource/theme.css.xhtml"));
        assertFalse(RequestRoutes.traced("/api-docs/index.html"));
        assertTrue(RequestRoutes.traced("/api/v1/payments"));
        assertTrue(RequestRoutes.traced("/payments/index.xhtml"));
        assertTrue(RequestRoutes.traced("/accounts/export"));
    }
}

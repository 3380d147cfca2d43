package dev.opsdeck.tracing.entity;

import io.opentelemetry.api.common.AttributeKey;

/** The span attributes an operator filters traces by; the names are Opsdeck's own, beside OpenTelemetry's conventions. */
public final class SpanAttributes {

    public static final AttributeKey<String> STREAM = AttributeKey.stringKey("opsdeck.stream");
    public static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("opsdeck.event.id");
    public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("opsdeck.event.type");
    public static final AttributeKey<String> AGGREGATE_ID = AttributeKey.stringKey("opsdeck.aggregate.id");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("opsdeck.outcome");
    public static final AttributeKey<String> COMMAND_ID = AttributeKey.stringKey("opsdeck.command.id");
    public static final AttributeKey<String> COMMAND_KIND = AttributeKey.stringKey("opsdeck.command.kind");
    public static final AttributeKey<String> REPORT_ID = AttributeKey.stringKey("opsdeck.report.id");
    public static final AttributeKey<String> CALLER = AttributeKey.stringKey("enduser.id");
    public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
    public static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.method");
    public static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
    public static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.status_code");
    public static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");

    private SpanAttributes() {
    }
}

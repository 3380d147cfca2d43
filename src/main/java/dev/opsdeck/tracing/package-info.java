/** Traces: the spans of requests, events, commands and reports, their attributes, and how tracing is switched on. */
package dev.opsdeck.tracing;

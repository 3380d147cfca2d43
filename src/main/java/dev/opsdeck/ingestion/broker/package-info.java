/**
 * The broker side of ingestion, packaged into the resource adapter archive (not the WAR): Artemis' adapter,
 * with an embedded broker when no external one is configured.
 */
package dev.opsdeck.ingestion.broker;

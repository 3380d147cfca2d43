/** Consumes the Go services' events into the read models: exactly right whatever the broker delivers, and nothing lost. */
package dev.opsdeck.ingestion;

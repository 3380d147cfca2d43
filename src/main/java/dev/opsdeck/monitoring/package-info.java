/** Request figures of the console and the API for /metrics, by route template rather than by raw path. */
package dev.opsdeck.monitoring;

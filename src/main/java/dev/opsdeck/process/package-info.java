/**
 * The process Opsdeck runs in: the build it runs, settings the runnable applies to its own JVM at start, the roles
 * this instance serves in a fleet ({@code OPSDECK_ROLES}), and how its background work gives way to console and API
 * requests.
 */
package dev.opsdeck.process;

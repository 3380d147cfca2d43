/** Health checks for the orchestrator's probes that are not a single component's own. */
package dev.opsdeck.health;

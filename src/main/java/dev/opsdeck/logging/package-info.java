/** How Opsdeck logs: one JSON object per line on stdout by default, plain text for development. */
package dev.opsdeck.logging;

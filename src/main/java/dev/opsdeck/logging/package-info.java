/** How Opsdeck logs: JSON lines, or plain lines at a terminal, and unexpected failures under a reference users are shown. */
package dev.opsdeck.logging;

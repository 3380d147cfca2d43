/** The JVM process Opsdeck runs in: settings the runnable applies to its own JVM at start. */
package dev.opsdeck.process;

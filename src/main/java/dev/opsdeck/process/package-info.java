/** The JVM process Opsdeck runs in: the build it runs, and settings the runnable applies to its own JVM at start. */
package dev.opsdeck.process;

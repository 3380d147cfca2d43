/** Opsdeck's own database: where it is, and the versioned migrations that shape it before any query runs. */
package dev.opsdeck.schema;

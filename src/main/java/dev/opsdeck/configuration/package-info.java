/** Failures of configuration values, reported with the key and what is wrong so an operator can fix them at once. */
package dev.opsdeck.configuration;

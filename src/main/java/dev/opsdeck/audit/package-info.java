/** The audit log: every action, login, export and change of settings, kept append-only. */
package dev.opsdeck.audit;

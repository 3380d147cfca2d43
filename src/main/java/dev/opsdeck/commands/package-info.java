/** Actions operators ask of the Go services (refunds, freezes): stored as commands, sent once, followed to their confirmation. */
package dev.opsdeck.commands;

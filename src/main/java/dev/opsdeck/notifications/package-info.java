/** Notifications: rules an admin sets, checked once across the fleet, mailed as one digest per recipient with a quiet period and "resolved" messages. */
package dev.opsdeck.notifications;

/** The console's shell: login, layout and menu, the signed-in user, the dashboard. */
package dev.opsdeck.console;

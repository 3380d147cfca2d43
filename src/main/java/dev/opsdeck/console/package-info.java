/** The console's shell: login, layout and menu, the dashboard, and the pages shown when something fails or expires. */
package dev.opsdeck.console;

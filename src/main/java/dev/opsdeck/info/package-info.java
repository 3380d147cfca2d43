/** What this running Opsdeck is: version, build, database and uptime. */
package dev.opsdeck.info;

/** The REST API's shell: its root path, JSON conventions and the JSON error bodies every endpoint shares. */
package dev.opsdeck.api;

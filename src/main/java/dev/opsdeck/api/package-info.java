/** The REST API's shell: its root path, JSON conventions, the JSON error bodies and the keyset paging every endpoint shares. */
package dev.opsdeck.api;

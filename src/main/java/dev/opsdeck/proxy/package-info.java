/** What a request looked like before the trusted proxies in front of Opsdeck: the client's address, scheme and host. */
package dev.opsdeck.proxy;

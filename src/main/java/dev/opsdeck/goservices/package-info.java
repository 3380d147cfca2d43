/** Calling the Go services' REST APIs: their endpoints and credentials, one call's answer, and the failures that mean not sent or no answer. */
package dev.opsdeck.goservices;

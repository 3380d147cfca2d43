/** A stand-in for the Go services in demo mode: their REST API and the events that follow, plus steady background traffic. */
package dev.opsdeck.simulator;

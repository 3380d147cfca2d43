/** Payments as the payments service last told Opsdeck about them: the read model and its API. */
package dev.opsdeck.payments;

/** Accounts as the accounts service last told Opsdeck about them: the read model and its API. */
package dev.opsdeck.accounts;

/** Who is calling: service tokens and JWTs for the API, and the roles that decide what each caller may do. */
package dev.opsdeck.security;

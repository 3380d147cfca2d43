/** How the console shows read-model records: lists with filters, sorting, saved views and exports, and one record's page with the events that made it and its audit history; and how the API pages through them by key. */
package dev.opsdeck.records;

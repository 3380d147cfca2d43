package dev.opsdeck.records.entity;

/** Where a user left a list: its page size and its state as a query string. */
public record LastView(String username, String list, int pageSize, String query) {
}

package dev.opsdeck.records.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A list's filters, sort and columns that a user saved under a name, kept as the list's query string. */
@Entity
@Table(name = "saved_view")
public class SavedView {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String list;
    private String name;
    private String query;
    @Column(name = "saved_at")
    private Instant savedAt;

    protected SavedView() {
    }

    public SavedView(String username, String list, String name, String query, Instant savedAt) {
        this.username = username;
        this.list = list;
        this.name = name;
        this.query = query;
        this.savedAt = savedAt;
    }

    public void replace(String newQuery, Instant now) {
        this.query = newQuery;
        this.savedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public String getQuery() {
        return query;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}

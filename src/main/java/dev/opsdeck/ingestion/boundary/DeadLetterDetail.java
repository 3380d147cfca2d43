package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.records.boundary.RecordId;
import dev.opsdeck.ingestion.control.DeadLetterBody;
import dev.opsdeck.ingestion.control.DeadLetterResolutions.Result;
import dev.opsdeck.ingestion.control.DeadLetterSearch;
import dev.opsdeck.ingestion.entity.DeadLetter;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One dead letter: why it failed, its body and headers as sent, its resolution; replay or discard for admins. */
@Named
@ViewScoped
public class DeadLetterDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DeadLetterSearch search;

    @Inject
    DeadLetterActions actions;

    private String id;
    private boolean admin;
    private DeadLetterRow letter;
    private DeadLetterBody.Shown body;
    private String bodySize;
    private List<Map.Entry<String, String>> headers;
    private Instant resolvedAt;
    private String resolvedBy;
    private String reason;
    private List<Result> results = List.of();

    public void open() throws IOException {
        long key;
        try {
            key = Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            RecordId.notFound("'" + id + "' is not a dead letter id: ids are numbers");
            return;
        }
        admin = actions.mayResolve();
        if (!read(key)) {
            RecordId.notFound("No dead letter " + key);
        }
    }

    private boolean read(long key) {
        DeadLetter found = search.one(key);
        if (found == null) {
            return false;
        }
        letter = new DeadLetterRow(found);
        body = DeadLetterBody.show(found.getBody());
        bodySize = found.isBodyComplete() ? String.format("%,d bytes, SHA-256 %s", found.getBodySize(), found.getBodySha256())
                : String.format("only the first %,d of %,d bytes kept, SHA-256 of all %s", found.getBody().length,
                found.getBodySize(), found.getBodySha256());
        headers = new ArrayList<>(DeadLetterBody.headers(found.getHeaders()).entrySet().stream()
                .map(e -> (Map.Entry<String, String>) new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue())).toList());
        resolvedAt = found.getResolvedAt();
        resolvedBy = found.getResolvedBy();
        return true;
    }

    public void replay() {
        results = actions.replay(List.of(letter.getId()));
        read(letter.getId());
    }

    public void discard() {
        results = actions.discard(List.of(letter.getId()), reason);
        if (!results.isEmpty()) {
            reason = null;
        }
        read(letter.getId());
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isWaiting() {
        return letter != null && "waiting".equals(letter.getState());
    }

    public DeadLetterRow getLetter() {
        return letter;
    }

    public DeadLetterBody.Shown getBody() {
        return body;
    }

    /** The whole body's size and hash, and whether only a prefix was kept. */
    public String getBodySize() {
        return bodySize;
    }

    public List<Map.Entry<String, String>> getHeaders() {
        return headers;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public List<Result> getResults() {
        return results;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

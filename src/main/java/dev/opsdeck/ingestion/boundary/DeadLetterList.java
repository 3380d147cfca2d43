package dev.opsdeck.ingestion.boundary;

import dev.opsdeck.ingestion.control.DeadLetterResolutions.Result;
import dev.opsdeck.ingestion.control.DeadLetterSearch;
import dev.opsdeck.ingestion.entity.Stream;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dead letters page: filter by state and stream, select, replay or discard. Whether the actions are shown is
 * decided when the page opens; whether they are allowed is decided again on every action by {@link DeadLetterActions}.
 */
@Named
@ViewScoped
public class DeadLetterList implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_ROWS = 500;

    @Inject
    DeadLetterSearch search;

    @Inject
    DeadLetterActions actions;

    private String state = "waiting";
    private String stream = "";
    private boolean admin;
    private long total;
    private List<DeadLetterRow> rows = new ArrayList<>();
    private List<DeadLetterRow> selected = new ArrayList<>();
    private String reason;
    private List<Result> results = List.of();

    public void open() {
        admin = actions.mayResolve();
        if (!DeadLetterSearch.STATES.contains(state)) {
            state = "waiting";
        }
        if (!getStreams().contains(stream)) {
            stream = "";
        }
        load();
    }

    public void load() {
        String wantedStream = stream == null || stream.isEmpty() ? null : stream;
        rows = new ArrayList<>(search.find(state, wantedStream, MAX_ROWS).stream().map(DeadLetterRow::new).toList());
        total = search.count(state, wantedStream);
        selected = new ArrayList<>();
    }

    public void replaySelected() {
        results = actions.replay(selectedIds());
        if (!results.isEmpty()) {
            load();
        }
    }

    public void discardSelected() {
        results = actions.discard(selectedIds(), reason);
        if (!results.isEmpty()) {
            reason = null;
            load();
        }
    }

    private List<Long> selectedIds() {
        return selected == null ? List.of() : selected.stream().map(DeadLetterRow::getId).toList();
    }

    public List<String> getStates() {
        return DeadLetterSearch.STATES;
    }

    public List<String> getStreams() {
        List<String> streams = new ArrayList<>(List.of(""));
        Arrays.stream(Stream.values()).map(Stream::label).forEach(streams::add);
        return streams;
    }

    public boolean isAdmin() {
        return admin;
    }

    public boolean isTruncated() {
        return total > rows.size();
    }

    public long getTotal() {
        return total;
    }

    public List<DeadLetterRow> getRows() {
        return rows;
    }

    public List<DeadLetterRow> getSelected() {
        return selected;
    }

    public void setSelected(List<DeadLetterRow> selected) {
        this.selected = selected;
    }

    public List<Result> getResults() {
        return results;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream == null ? "" : stream;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}

package dev.opsdeck.records.boundary;

import dev.opsdeck.records.entity.ListState;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** What the filter panel of a list holds while the user edits it, before "Apply" makes it the list's state. */
public class ListFilterForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private List<String> statuses = new ArrayList<>();
    private List<String> currencies = new ArrayList<>();
    private LocalDate createdFrom;
    private LocalDate createdTo;
    private String search;
    private List<String> columns = new ArrayList<>();

    void show(ListState state) {
        statuses = new ArrayList<>(state.statuses());
        currencies = new ArrayList<>(state.currencies());
        createdFrom = state.createdFrom();
        createdTo = state.createdTo();
        search = state.search();
        columns = new ArrayList<>(state.columns());
    }

    ListState applyTo(ListState state, List<String> defaultColumns) {
        return state.withFilters(new LinkedHashSet<>(statuses), new LinkedHashSet<>(currencies), createdFrom, createdTo, search)
                .withColumns(columns.isEmpty() ? defaultColumns : columns);
    }

    public List<String> getStatuses() {
        return statuses;
    }

    public void setStatuses(List<String> statuses) {
        this.statuses = statuses == null ? new ArrayList<>() : statuses;
    }

    public List<String> getCurrencies() {
        return currencies;
    }

    public void setCurrencies(List<String> currencies) {
        this.currencies = currencies == null ? new ArrayList<>() : currencies;
    }

    public LocalDate getCreatedFrom() {
        return createdFrom;
    }

    public void setCreatedFrom(LocalDate createdFrom) {
        this.createdFrom = createdFrom;
    }

    public LocalDate getCreatedTo() {
        return createdTo;
    }

    public void setCreatedTo(LocalDate createdTo) {
        this.createdTo = createdTo;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public List<String> getColumns() {
        return columns;
    }

    public void setColumns(List<String> columns) {
        this.columns = columns == null ? new ArrayList<>() : columns;
    }
}

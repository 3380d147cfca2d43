package dev.opsdeck.records.entity;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything that decides what a console list shows: filters, search, sort, page, page size and columns. It
 * travels as the page's query string, so a list can be bookmarked, shared, saved as a view and exported as
 * shown. Parsing refuses bad values with a message naming the parameter.
 */
public record ListState(Set<String> statuses, Set<String> currencies, LocalDate createdFrom, LocalDate createdTo,
                        String search, String sort, boolean descending, int page, int size, List<String> columns) {

    public static final List<Integer> PAGE_SIZES = List.of(20, 50, 100);
    public static final int MAX_PAGE = 1_000_000;
    private static final Pattern STATUS = Pattern.compile("[a-z_]{1,32}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern SEARCH = Pattern.compile("[0-9a-fA-F-]{1,36}");

    public ListState {
        statuses = Set.copyOf(statuses);
        currencies = Set.copyOf(currencies);
        columns = List.copyOf(columns);
        search = search == null || search.isBlank() ? null : search.trim();
    }

    public static ListState defaults(ReadModelTable table) {
        return new ListState(Set.of(), Set.of(), null, null, null, table.defaultSort(), true, 1, PAGE_SIZES.get(0),
                table.defaultColumns());
    }

    /** Thrown for a query string that cannot be a list's state; the message names the parameter and the rule. */
    public static class InvalidListState extends IllegalArgumentException {
        public InvalidListState(String message) {
            super(message);
        }
    }

    public static ListState parse(ReadModelTable table, String queryString) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (queryString != null && !queryString.isBlank()) {
            for (String pair : queryString.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.put(name, value);
            }
        }
        return parse(table, parameters);
    }

    public static ListState parse(ReadModelTable table, Map<String, String> parameters) {
        ListState defaults = defaults(table);
        Set<String> statuses = values(parameters.get("status"), STATUS, "status", "lower-case status names such as active");
        Set<String> currencies = values(parameters.get("currency"), CURRENCY, "currency", "ISO 4217 codes such as EUR");
        LocalDate from = date(parameters.get("from"), "from");
        LocalDate to = date(parameters.get("to"), "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidListState("to (" + to + ") is before from (" + from + ")");
        }
        String search = parameters.get("q");
        if (search != null && !search.isBlank() && !SEARCH.matcher(search.trim()).matches()) {
            throw new InvalidListState("q searches by an id or the start of one: hex digits and dashes, at most 36");
        }
        String sort = parameters.getOrDefault("sort", defaults.sort());
        if (!table.sortColumns().containsKey(sort)) {
            throw new InvalidListState("sort must be one of " + String.join(", ", new java.util.TreeSet<>(table.sortColumns().keySet())));
        }
        String direction = parameters.getOrDefault("dir", "desc");
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw new InvalidListState("dir must be asc or desc");
        }
        int page = number(parameters.get("page"), "page", 1, 1, MAX_PAGE);
        int size = number(parameters.get("size"), "size", defaults.size(), PAGE_SIZES.get(0), PAGE_SIZES.get(PAGE_SIZES.size() - 1));
        if (!PAGE_SIZES.contains(size)) {
            throw new InvalidListState("size must be one of " + PAGE_SIZES);
        }
        List<String> columns = parameters.containsKey("cols") ? columns(table, parameters.get("cols")) : defaults.columns();
        return new ListState(statuses, currencies, from, to, search, sort, direction.equals("desc"), page, size, columns);
    }

    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        if (!statuses.isEmpty()) {
            parts.add("status=" + encode(String.join(",", new java.util.TreeSet<>(statuses))));
        }
        if (!currencies.isEmpty()) {
            parts.add("currency=" + encode(String.join(",", new java.util.TreeSet<>(currencies))));
        }
        if (createdFrom != null) {
            parts.add("from=" + createdFrom);
        }
        if (createdTo != null) {
            parts.add("to=" + createdTo);
        }
        if (search != null) {
            parts.add("q=" + encode(search));
        }
        parts.add("sort=" + sort);
        parts.add("dir=" + (descending ? "desc" : "asc"));
        if (page > 1) {
            parts.add("page=" + page);
        }
        parts.add("size=" + size);
        parts.add("cols=" + encode(String.join(",", columns)));
        return String.join("&", parts);
    }

    /** The same state without page and page size: what a saved view or an export keeps. */
    public String viewQueryString() {
        return withPage(1).toQueryString().replaceAll("&size=\\d+", "");
    }

    public boolean filtered() {
        return !statuses.isEmpty() || !currencies.isEmpty() || createdFrom != null || createdTo != null || search != null;
    }

    public int offset() {
        return (page - 1) * size;
    }

    public ListState withPage(int newPage) {
        return new ListState(statuses, currencies, createdFrom, createdTo, search, sort, descending, newPage, size, columns);
    }

    public ListState withPaging(int first, int newSize) {
        int safeSize = PAGE_SIZES.contains(newSize) ? newSize : size;
        return new ListState(statuses, currencies, createdFrom, createdTo, search, sort, descending,
                Math.min(MAX_PAGE, first / safeSize + 1), safeSize, columns);
    }

    public ListState withSort(String newSort, boolean newDescending) {
        return new ListState(statuses, currencies, createdFrom, createdTo, search, newSort, newDescending, 1, size, columns);
    }

    public ListState withFilters(Set<String> newStatuses, Set<String> newCurrencies, LocalDate from, LocalDate to, String newSearch) {
        return new ListState(newStatuses, newCurrencies, from, to, newSearch, sort, descending, 1, size, columns);
    }

    public ListState withColumns(List<String> newColumns) {
        return new ListState(statuses, currencies, createdFrom, createdTo, search, sort, descending, page, size, newColumns);
    }

    public ListState withSize(int newSize) {
        return new ListState(statuses, currencies, createdFrom, createdTo, search, sort, descending, page, newSize, columns);
    }

    private static Set<String> values(String raw, Pattern pattern, String name, String rule) {
        Set<String> values = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return values;
        }
        for (String value : raw.split(",")) {
            String trimmed = value.trim();
            if (!pattern.matcher(trimmed).matches()) {
                throw new InvalidListState(name + " '" + trimmed + "' is not valid: use " + rule + ", separated by commas");
            }
            values.add(trimmed);
        }
        return values;
    }

    private static LocalDate date(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidListState(name + " '" + raw + "' is not a date: use YYYY-MM-DD");
        }
    }

    private static int number(String raw, String name, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new InvalidListState(name + " must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidListState(name + " '" + raw + "' is not a whole number");
        }
    }

    private static List<String> columns(ReadModelTable table, String raw) {
        List<String> columns = new ArrayList<>();
        for (String column : raw.split(",")) {
            String trimmed = column.trim().toLowerCase(Locale.ROOT);
            if (!table.sortColumns().containsKey(trimmed)) {
                throw new InvalidListState("cols: unknown column '" + trimmed + "'");
            }
            if (!columns.contains(trimmed)) {
                columns.add(trimmed);
            }
        }
        if (columns.isEmpty()) {
            throw new InvalidListState("cols must name at least one column");
        }
        return columns;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

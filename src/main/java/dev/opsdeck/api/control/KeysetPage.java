package dev.opsdeck.api.control;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read in keyset order; {@code nextCursor} is null on the last page. A query reads one row more
 * than the page holds: that row only tells that a next page exists, which then starts after the page's last row.
 */
public record KeysetPage<T>(List<T> items, String nextCursor) {

    /** The page of {@code size} rows out of {@code rows} (read with a limit of size + 1), its cursor at the last one's position. */
    public static <T> KeysetPage<T> of(List<T> rows, int size, Function<? super T, ?> position) {
        if (rows.size() <= size) {
            return new KeysetPage<>(List.copyOf(rows), null);
        }
        List<T> page = List.copyOf(rows.subList(0, size));
        return new KeysetPage<>(page, KeysetCursor.after(position.apply(page.get(size - 1))));
    }

    public <R> KeysetPage<R> map(Function<? super T, ? extends R> mapper) {
        return new KeysetPage<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}

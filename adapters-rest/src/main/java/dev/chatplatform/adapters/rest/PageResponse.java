package dev.chatplatform.adapters.rest;

import dev.chatplatform.application.Page;

import java.util.List;
import java.util.function.Function;

/** {@code {"data": [...], "next_cursor": "..." | null}} */
public record PageResponse<T>(List<T> data, String nextCursor) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.nextCursor());
    }
}

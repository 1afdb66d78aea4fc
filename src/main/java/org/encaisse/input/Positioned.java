package org.encaisse.input;

import java.util.List;
import java.util.stream.IntStream;

/** A record of a batch with the place it came from. */
public record Positioned<T>(SourcePosition position, T record) {

    /** The records of a JSON array, numbered from 1. */
    public static <T> List<Positioned<T>> items(List<T> records) {
        return IntStream.range(0, records.size())
                .mapToObj(i -> new Positioned<>(SourcePosition.item(i + 1), records.get(i)))
                .toList();
    }
}

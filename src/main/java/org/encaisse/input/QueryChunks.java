package org.encaisse.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits the keys of a large batch so that no SQL IN list grows past what databases handle well. */
public final class QueryChunks {

    private static final int SIZE = 1000;

    private QueryChunks() {
    }

    public static <T> List<List<T>> of(Collection<T> keys) {
        List<T> all = new ArrayList<>(keys);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }
}

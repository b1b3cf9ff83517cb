package com.example.privateapi.rehearsal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Header fields as every part of the rehearsal holds them: looked up case-insensitively, unmodifiable, each value
 * list immutable. A map already in that form is passed on as it is, so a request's fields are copied once, when it
 * is read, not again by each part that handles it.
 */
public final class HeaderMaps {

    private static final Class<?> FROZEN = Collections.unmodifiableSortedMap(new TreeMap<String, Object>()).getClass();

    private HeaderMaps() {
    }

    /** The fields in the shared form: {@code headers} itself when it is in that form already, else a copy. */
    @SuppressWarnings("unchecked")
    public static SortedMap<String, List<String>> of(Map<String, List<String>> headers) {
        if (headers.getClass() == FROZEN && ((SortedMap<String, List<String>>) headers).comparator()
                == String.CASE_INSENSITIVE_ORDER) {
            return (SortedMap<String, List<String>>) headers;
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** Freezes a case-insensitive map the caller built and no longer touches, without copying it. */
    static SortedMap<String, List<String>> freeze(TreeMap<String, List<String>> headers) {
        headers.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableSortedMap(headers);
    }
}

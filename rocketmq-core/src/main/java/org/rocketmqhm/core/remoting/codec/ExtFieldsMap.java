package org.rocketmqhm.core.remoting.codec;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The decoded {@code extFields} of a request: a mutable {@link java.util.Map} of non-null String keys and values
 * kept as two parallel arrays in insertion order, looked up by a linear scan. A request header has a dozen or so
 * fields, so a scan costs about as much as hashing while the map is two small arrays instead of a hash table with
 * one node per entry (allocated for every request on the I/O threads). Keys are usually the reader's canonical
 * Strings, so the scan compares references before contents. Full {@code Map} contract through
 * {@link AbstractMap}, nulls allowed as in {@link java.util.HashMap}. Not thread-safe (a request is decoded and processed
 * by one thread at a time).
 *
 * @since 0.1.0
 */
final class ExtFieldsMap extends AbstractMap<String, String> {

    private String[] keys;
    private String[] values;
    private int size;
    private int modifications;

    ExtFieldsMap(int capacity) {
        keys = new String[capacity];
        values = new String[capacity];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public String put(String key, String value) {
        int i = indexOf(key);
        if (i >= 0) {
            String old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            int capacity = Math.max(4, size * 2);
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        modifications++;
        return null;
    }

    @Override
    public String remove(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        String old = values[i];
        removeAt(i);
        return old;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        modifications++;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Entries();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        if (key != null) {
            for (int i = 0; i < size; i++) {
                if (key.equals(keys[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    private void removeAt(int i) {
        int tail = size - i - 1;
        System.arraycopy(keys, i + 1, keys, i, tail);
        System.arraycopy(values, i + 1, values, i, tail);
        size--;
        keys[size] = null;
        values[size] = null;
        modifications++;
    }

    /** Iterates in insertion order; supports {@code remove} and {@code Entry.setValue}. */
    private final class Entries implements Iterator<Entry<String, String>> {
        private int next;
        private int last = -1;
        private int expectedModifications = modifications;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public Entry<String, String> next() {
            if (expectedModifications != modifications) {
                throw new ConcurrentModificationException();
            }
            if (next >= size) {
                throw new NoSuchElementException();
            }
            last = next++;
            int at = last;
            return new SimpleEntry<>(keys[at], values[at]) {
                @Override
                public String setValue(String value) {
                    int current = indexOf(getKey());
                    if (current >= 0) {
                        values[current] = value;
                    }
                    return super.setValue(value);
                }
            };
        }

        @Override
        public void remove() {
            if (last < 0) {
                throw new IllegalStateException();
            }
            if (expectedModifications != modifications) {
                throw new ConcurrentModificationException();
            }
            removeAt(last);
            next = last;
            last = -1;
            expectedModifications = modifications;
        }
    }
}

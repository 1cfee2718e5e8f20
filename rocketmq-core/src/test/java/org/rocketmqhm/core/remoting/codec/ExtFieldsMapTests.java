package org.rocketmqhm.core.remoting.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ExtFieldsMap} behaves as a HashMap under random operations, iteration removal included. */
class ExtFieldsMapTests {

    @Test
    void agreesWithHashMap() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<String, String> expected = new HashMap<>();
            Map<String, String> actual = new ExtFieldsMap(2);
            for (int op = 0; op < 60; op++) {
                String key = random.nextInt(10) == 0 ? null : "k" + random.nextInt(20);
                String value = random.nextInt(10) == 0 ? null : "v" + random.nextInt(5);
                switch (random.nextInt(5)) {
                    case 0, 1 -> assertThat(actual.put(key, value)).isEqualTo(expected.put(key, value));
                    case 2 -> assertThat(actual.remove(key)).isEqualTo(expected.remove(key));
                    case 3 -> {
                        assertThat(actual.get(key)).isEqualTo(expected.get(key));
                        assertThat(actual.containsKey(key)).isEqualTo(expected.containsKey(key));
                    }
                    default -> {
                        removeWhereValue(actual, value);
                        removeWhereValue(expected, value);
                    }
                }
                assertThat(actual).isEqualTo(expected);
                assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
                assertThat(actual.size()).isEqualTo(expected.size());
            }
        }
    }

    @Test
    void entrySetValueWritesThrough() {
        Map<String, String> map = new ExtFieldsMap(4);
        map.put("a", "1");
        map.put("b", "2");
        map.entrySet().forEach(e -> e.setValue(e.getValue() + "!"));
        assertThat(map).containsExactly(Map.entry("a", "1!"), Map.entry("b", "2!"));
    }

    private static void removeWhereValue(Map<String, String> map, String value) {
        for (Iterator<Map.Entry<String, String>> it = map.entrySet().iterator(); it.hasNext(); ) {
            if (java.util.Objects.equals(it.next().getValue(), value)) {
                it.remove();
            }
        }
    }
}

package org.rocketmqhm.core.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link MessageProperties#get}, {@link MessageProperties#copyExcept} and {@link PropertiesView} agree with decode. */
class PropertiesScanTests {

    private static final List<String> SAMPLES = List.of("", "A\u00011", "A\u00011\u0002",
        "A\u00011\u0002\u0002\u0001x\u0002y\u0001\u0002ab\u0002B\u00012\u0002A\u00013\u0002",
        "TAGS\u0001t\u0002KEYS\u0001k1 k2\u0002V\u0001a\u0001b\u0002WAIT\u0001true",
        "x\u0002WAIT\u0001false\u0002WAIT\u0001true\u0002CLUSTER\u0001c\u0002été\u0001ü");

    @Test
    void getGivesWhatDecodeGives() {
        for (String s : SAMPLES) {
            Map<String, String> decoded = MessageProperties.decode(s);
            for (String name : List.of("A", "B", "TAGS", "KEYS", "V", "WAIT", "CLUSTER", "été", "x", "y", "ab", "")) {
                assertThat(MessageProperties.get(s, name)).as("%s in %s", name, s).isEqualTo(decoded.get(name));
            }
        }
        assertThat(MessageProperties.get(null, "A")).isNull();
    }

    @Test
    void copyExceptDropsOnlyTheNamedSegments() {
        for (String s : SAMPLES) {
            StringBuilder copy = new StringBuilder();
            MessageProperties.copyExcept(s, copy, "WAIT", "CLUSTER");
            Map<String, String> expected = new HashMap<>(MessageProperties.decode(s));
            expected.remove("WAIT");
            expected.remove("CLUSTER");
            assertThat(MessageProperties.decode(copy.toString())).isEqualTo(expected);
            assertThat(copy.toString()).doesNotEndWith("\u0002").doesNotStartWith("\u0002");
        }
    }

    @Test
    void viewEqualsTheDecodedMap() {
        for (String s : SAMPLES) {
            PropertiesView view = new PropertiesView(s);
            Map<String, String> decoded = MessageProperties.decode(s);
            assertThat(view.get("A")).isEqualTo(decoded.get("A"));
            assertThat(view.containsKey("WAIT")).isEqualTo(decoded.containsKey("WAIT"));
            assertThat(view).isEqualTo(decoded);
            assertThat(view.hashCode()).isEqualTo(decoded.hashCode());
        }
        assertThat(new PropertiesView(null)).isEmpty();
    }
}

package org.rocketmqhm.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionFiltersTests {

    @Test
    void tagFilterMatchesCodeSetOnly() {
        SubscriptionFilter f = SubscriptionFilters.of("TAG", "TagA || TagB",
                Set.of("TagA".hashCode(), "TagB".hashCode()));
        assertThat(f.matchesTagsCode("TagA".hashCode())).isTrue();
        assertThat(f.matchesTagsCode("TagB".hashCode())).isTrue();
        assertThat(f.matchesTagsCode("TagC".hashCode())).isFalse();
        assertThat(f.matchesTagsCode(0)).isFalse();
        assertThat(f.matchesProperties(Map.of("TAGS", "TagC"))).isTrue();
        assertThat(f.needsProperties()).isFalse();
    }

    @Test
    void tagFilterComparesTheIntOfTheSignExtendedCode() {
        int negative = "Tag-with-negative-hash-zz".hashCode();
        SubscriptionFilter f = SubscriptionFilters.tag("x", Set.of(negative));
        assertThat(f.matchesTagsCode((long) negative)).isTrue();
        assertThat(f.matchesTagsCode(((long) negative) & 0xFFFFFFFFL)).isTrue(); // (int) cast drops the high bits
    }

    @Test
    void starNullOrBlankTagMatchesEverything() {
        for (String sub : new String[] {"*", " * ", null, "", "  "}) {
            SubscriptionFilter f = SubscriptionFilters.of(null, sub, null);
            assertThat(f).isSameAs(SubscriptionFilter.ALL);
            assertThat(f.matchesTagsCode(12345)).isTrue();
            assertThat(f.matchesProperties(Map.of())).isTrue();
        }
        assertThat(SubscriptionFilters.of("", "*", Set.of()).matchesTagsCode(1)).isTrue();
    }

    @Test
    void tagWithEmptyCodeSetMatchesNothing() {
        SubscriptionFilter f = SubscriptionFilters.of("TAG", "TagA", Set.of());
        assertThat(f.matchesTagsCode("TagA".hashCode())).isFalse();
    }

    @Test
    void sqlFilterPassesEveryTagsCodeAndEvaluatesProperties() {
        SubscriptionFilter f = SubscriptionFilters.of("SQL92", "TAGS = 'TagA' AND a > 3", null);
        assertThat(f.matchesTagsCode(42)).isTrue();
        assertThat(f.needsProperties()).isTrue();
        assertThat(f.matchesProperties(Map.of("TAGS", "TagA", "a", "4"))).isTrue();
        assertThat(f.matchesProperties(Map.of("TAGS", "TagA", "a", "3"))).isFalse();
        assertThat(f.matchesProperties(Map.of("TAGS", "TagA"))).isFalse();
        assertThat(f).hasToString("SQL92(TAGS = 'TagA' AND a > 3)");
    }

    @Test
    void invalidSqlOrTypeIsAFilterException() {
        assertThatThrownBy(() -> SubscriptionFilters.of("SQL92", "a >", null))
                .isInstanceOf(FilterException.class).hasMessageStartingWith("unexpected end of expression");
        assertThatThrownBy(() -> SubscriptionFilters.of("SQL92", null, null))
                .isInstanceOf(FilterException.class).hasMessage("empty expression");
        assertThatThrownBy(() -> SubscriptionFilters.of("CLASS", "x", null))
                .isInstanceOf(FilterException.class).hasMessage("unsupported expression type 'CLASS'");
    }
}

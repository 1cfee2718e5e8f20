package org.rocketmqhm.core.acl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPatternTests {

    @Test
    void blankMatchesNothingAndStarMatchesEverything() {
        assertThat(AddressPattern.parse(null).matches("1.2.3.4")).isFalse();
        assertThat(AddressPattern.parse("  ").matches("1.2.3.4")).isFalse();
        assertThat(AddressPattern.parse("*").matches("1.2.3.4")).isTrue();
        assertThat(AddressPattern.parse("*.*.*.*").matches("10.0.0.1")).isTrue();
        assertThat(AddressPattern.parse("*:*:*:*:*:*:*:*").matches("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void exactListsAndSets() {
        assertThat(AddressPattern.parse("192.168.0.1").matches("192.168.0.1")).isTrue();
        assertThat(AddressPattern.parse("192.168.0.1").matches("192.168.0.2")).isFalse();
        AddressPattern list = AddressPattern.parse("192.168.1.1,2,3");
        assertThat(list.matches("192.168.1.2")).isTrue();
        assertThat(list.matches("192.168.1.4")).isFalse();
        assertThat(AddressPattern.parse("10.0.0.1,10.0.0.9").matches("10.0.0.9")).isTrue();
        AddressPattern braces = AddressPattern.parse("192.168.1.{10,11,12}");
        assertThat(braces.matches("192.168.1.11")).isTrue();
        assertThat(braces.matches("192.168.1.13")).isFalse();
    }

    @Test
    void wildcardsAndRanges() {
        assertThat(AddressPattern.parse("192.168.0.*").matches("192.168.0.77")).isTrue();
        assertThat(AddressPattern.parse("192.168.0.*").matches("192.168.1.77")).isFalse();
        assertThat(AddressPattern.parse("192.168.*").matches("192.168.9.9")).isTrue();
        AddressPattern range = AddressPattern.parse("192.168.1.1-200");
        assertThat(range.matches("192.168.1.200")).isTrue();
        assertThat(range.matches("192.168.1.201")).isFalse();
        assertThat(AddressPattern.parse("192.168.1-3.*").matches("192.168.3.250")).isTrue();
        assertThat(AddressPattern.parse("192.168.1-3.*").matches("192.168.4.1")).isFalse();
        assertThat(AddressPattern.parse("0:0:0:0:0:0:0:*").matches("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(AddressPattern.parse("::1").matches(AddressPattern.canonicalPeer("0:0:0:0:0:0:0:1"))).isTrue();
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThatThrownBy(() -> AddressPattern.parse("192.168.1.300")).isInstanceOf(AclException.class);
        assertThatThrownBy(() -> AddressPattern.parse("192.168.1.20-10")).isInstanceOf(AclException.class);
        assertThatThrownBy(() -> AddressPattern.parse("abc")).isInstanceOf(AclException.class);
    }
}

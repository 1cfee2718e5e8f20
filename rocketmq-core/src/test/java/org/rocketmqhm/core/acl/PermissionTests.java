package org.rocketmqhm.core.acl;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.protocol.RequestCode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionTests {

    @Test
    void parsesAndGrantsLikeApache() {
        assertThat(Permission.parse("PUB|SUB")).isEqualTo((byte) 12);
        assertThat(Permission.parse(" sub|pub ")).isEqualTo((byte) 12);
        assertThat(Permission.parse("whatever")).isEqualTo(Permission.DENY);
        assertThat(Permission.parse(null)).isEqualTo(Permission.DENY);
        assertThat(Permission.grants(Permission.PUB, Permission.PUB)).isTrue();
        assertThat(Permission.grants(Permission.SUB, Permission.PUB)).isFalse();
        assertThat(Permission.grants(Permission.SUB, Permission.ANY)).isTrue();
        assertThat(Permission.grants(Permission.DENY, Permission.SUB)).isFalse();
        assertThat(Permission.needsAdmin(RequestCode.UPDATE_AND_CREATE_TOPIC)).isTrue();
        assertThat(Permission.needsAdmin(RequestCode.UPDATE_AND_CREATE_ACL_CONFIG)).isFalse();
    }

    @Test
    void signerMatchesTheProtocolTestVectors() {
        Map<String, String> ext = new java.util.HashMap<>(Map.of("AccessKey", "RocketMQ", "topic", "TopicTest",
            "Signature", "ignored"));
        assertThat(AclSigner.sign(AclSigner.key("12345678"), ext, null, null))
            .isEqualTo("0jiwhsaYp5ObE5GObbZH1I8/FT4=");
        assertThat(AclSigner.sign(AclSigner.key("12345678"), Map.of("AccessKey", "RocketMQ"), null,
            "{\"clientID\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo("SC9kzFTBVLXXAqxyRji08hY5LG4=");
    }
}

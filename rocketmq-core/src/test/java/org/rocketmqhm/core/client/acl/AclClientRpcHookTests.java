package org.rocketmqhm.core.client.acl;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Test vectors of protocol §7.1 (produced with Apache's own hook). */
class AclClientRpcHookTests {

    private final AclClientRpcHook hook = new AclClientRpcHook("RocketMQ", "12345678", null);

    @Test
    void signsSortedExtValuesWithoutBody() {
        RemotingCommand request = RemotingCommand.request(105).putExt("topic", "TopicTest");
        hook.beforeRequest("127.0.0.1:9876", request);
        assertThat(request.ext("AccessKey")).isEqualTo("RocketMQ");
        assertThat(request.ext("Signature")).isEqualTo("0jiwhsaYp5ObE5GObbZH1I8/FT4=");
    }

    @Test
    void signsBody() {
        RemotingCommand request = RemotingCommand.request(34)
            .setBody("{\"clientID\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        hook.beforeRequest("127.0.0.1:10911", request);
        assertThat(request.ext("Signature")).isEqualTo("SC9kzFTBVLXXAqxyRji08hY5LG4=");
    }

    @Test
    void agreesWithApacheHookIncludingSecurityToken() {
        AclClientRpcHook ours = new AclClientRpcHook("RocketMQ", "12345678", "token-1");
        Map<String, String> ext = new HashMap<>(Map.of("a", "group", "b", "topic", "_UNIQUE_KEY_QUERY", "true"));
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        RemotingCommand request = RemotingCommand.request(310).setBody(body);
        request.extFieldsForWrite().putAll(ext);
        ours.beforeRequest("127.0.0.1:10911", request);

        org.apache.rocketmq.remoting.protocol.RemotingCommand apache =
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(310, null);
        apache.setBody(body);
        apache.setExtFields(new HashMap<>(ext));
        new org.apache.rocketmq.acl.common.AclClientRPCHook(
            new org.apache.rocketmq.acl.common.SessionCredentials("RocketMQ", "12345678", "token-1"))
            .doBeforeRequest("127.0.0.1:10911", apache);
        assertThat(request.getExtFields()).isEqualTo(apache.getExtFields());
    }
}

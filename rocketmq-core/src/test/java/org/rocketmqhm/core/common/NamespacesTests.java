package org.rocketmqhm.core.common;

import org.apache.rocketmq.common.protocol.NamespaceUtil;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NamespacesTests {

    private static final List<String> RESOURCES = Arrays.asList(null, "", "orders", "ns%orders", "other%orders",
        "%RETRY%group", "%RETRY%ns%group", "%RETRY%other%group", "%DLQ%group", "%DLQ%ns%group", "TBW102",
        "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRACE_TOPIC", "RMQ_SYS_TRANS_HALF_TOPIC", "rmq_sys_custom",
        "CID_RMQ_SYS_TRANS", "OFFSET_MOVED_EVENT", "BenchmarkTest", "SELF_TEST_TOPIC", "a%b%c", "%orders");
    private static final List<String> NAMESPACES = Arrays.asList(null, "", "ns", "MQ_INST_1_x");

    @Test
    void wrapsRetryAndPlainNamesAndLeavesSystemOnes() {
        assertThat(Namespaces.wrap("ns", "orders")).isEqualTo("ns%orders");
        assertThat(Namespaces.wrap("ns", "%RETRY%group")).isEqualTo("%RETRY%ns%group");
        assertThat(Namespaces.wrap("ns", "%DLQ%group")).isEqualTo("%DLQ%ns%group");
        assertThat(Namespaces.wrap("ns", "ns%orders")).isEqualTo("ns%orders");
        assertThat(Namespaces.wrap("ns", "TBW102")).isEqualTo("TBW102");
        assertThat(Namespaces.wrap("ns", "RMQ_SYS_TRACE_TOPIC")).isEqualTo("RMQ_SYS_TRACE_TOPIC");
        assertThat(Namespaces.unwrap("%RETRY%ns%group", "ns")).isEqualTo("%RETRY%group");
        assertThat(Namespaces.unwrap("%RETRY%other%group", "ns")).isEqualTo("%RETRY%other%group");
        assertThat(Namespaces.unwrap("other%orders")).isEqualTo("orders");
        assertThat(Namespaces.namespaceOf("%DLQ%ns%group")).isEqualTo("ns");
    }

    @Test
    void agreesWithApacheNamespaceUtil() {
        for (String ns : NAMESPACES) {
            for (String resource : RESOURCES) {
                assertThat(Namespaces.wrap(ns, resource)).as("wrap(%s, %s)", ns, resource)
                    .isEqualTo(NamespaceUtil.wrapNamespace(ns, resource));
                assertThat(Namespaces.unwrap(resource, ns)).as("unwrap(%s, %s)", resource, ns)
                    .isEqualTo(NamespaceUtil.withoutNamespace(resource, ns));
            }
        }
        for (String resource : RESOURCES) {
            assertThat(Namespaces.unwrap(resource)).as("unwrap(%s)", resource)
                .isEqualTo(NamespaceUtil.withoutNamespace(resource));
            assertThat(Namespaces.namespaceOf(resource)).as("namespaceOf(%s)", resource)
                .isEqualTo(emptyToNull(NamespaceUtil.getNamespaceFromResource(resource)));
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

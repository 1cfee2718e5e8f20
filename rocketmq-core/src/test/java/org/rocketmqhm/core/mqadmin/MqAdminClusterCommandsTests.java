package org.rocketmqhm.core.mqadmin;

import org.apache.rocketmq.tools.command.broker.BrokerStatusSubCommand;
import org.apache.rocketmq.tools.command.broker.DeleteExpiredCommitLogSubCommand;
import org.apache.rocketmq.tools.command.broker.GetBrokerConfigCommand;
import org.apache.rocketmq.tools.command.broker.UpdateBrokerConfigSubCommand;
import org.apache.rocketmq.tools.command.cluster.CLusterSendMsgRTCommand;
import org.apache.rocketmq.tools.command.cluster.ClusterListSubCommand;
import org.apache.rocketmq.tools.command.export.ExportConfigsCommand;
import org.apache.rocketmq.tools.command.export.ExportMetadataCommand;
import org.apache.rocketmq.tools.command.export.ExportMetricsCommand;
import org.apache.rocketmq.tools.command.namesrv.AddWritePermSubCommand;
import org.apache.rocketmq.tools.command.namesrv.DeleteKvConfigCommand;
import org.apache.rocketmq.tools.command.namesrv.GetNamesrvConfigCommand;
import org.apache.rocketmq.tools.command.namesrv.UpdateKvConfigCommand;
import org.apache.rocketmq.tools.command.namesrv.UpdateNamesrvConfigCommand;
import org.apache.rocketmq.tools.command.namesrv.WipeWritePermSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicRouteSubCommand;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Apache 4.9.7 {@code mqadmin} cluster, broker-config, name-server and export subcommands against our platform. */
class MqAdminClusterCommandsTests extends MqAdminTestBase {

    @Test
    void updateBrokerConfigThenGetBrokerConfig() {
        assertThat(mq.run(new UpdateBrokerConfigSubCommand(), "-b", mq.broker(), "-k", "defaultQueryMaxNum",
            "-v", "77")).contains("update broker config success, " + mq.broker());
        assertThat(mq.run(new UpdateBrokerConfigSubCommand(), "-c", mq.cluster(), "-k", "maxMessageSize",
            "-v", "1048576")).contains("update broker config success, " + mq.broker());
        String one = mq.run(new GetBrokerConfigCommand(), "-b", mq.broker());
        assertThat(one).contains("============" + mq.broker() + "============")
            .containsPattern("defaultQueryMaxNum\\s+=\\s+77").containsPattern("maxMessageSize\\s+=\\s+1048576")
            .containsPattern("brokerName\\s+=\\s+broker-a");
        String cluster = mq.run(new GetBrokerConfigCommand(), "-c", mq.cluster());
        assertThat(cluster).contains("============" + "Master: " + mq.broker() + "============")
            .containsPattern("brokerClusterName\\s+=\\s+" + mq.cluster());
    }

    @Test
    void brokerStatusShowsRuntimeInfo() {
        String out = mq.run(new BrokerStatusSubCommand(), "-b", mq.broker());
        assertThat(out).containsPattern("brokerVersionDesc\\s+: V4_9_8").containsPattern("msgPutTotalTodayNow\\s+: \\d+")
            .contains("commitLogDirCapacity", "putTps", "getTotalTps", "runtime", "bootTimestamp",
                "consumeQueueDiskRatio", "putMessageAverageSize", "sendThreadPoolQueueCapacity",
                "pullThreadPoolQueueHeadWaitTimeMills", "litePullThreadPoolQueueSize", "queryThreadPoolQueueSize");
        String cluster = mq.run(new BrokerStatusSubCommand(), "-c", mq.cluster());
        assertThat(cluster).containsPattern(java.util.regex.Pattern.quote(mq.broker()) + "\\s+brokerVersionDesc\\s+: V4_9_8");
    }

    @Test
    void clusterListPlainAndWithMoreStats() {
        String out = mq.run(new ClusterListSubCommand());
        assertThat(out).contains("#Cluster Name", "#Broker Name", "#BID", "#Addr", "#Version", "#InTPS(LOAD)",
            "#OutTPS(LOAD)", "#PCWait(ms)", "#Hour", "#SPACE");
        assertThat(out.lines().filter(l -> l.startsWith(mq.cluster()))).singleElement()
            .satisfies(l -> assertThat(l).contains("broker-a", "0", mq.broker(), "V4_9_8").contains("(0,0ms)")
                .doesNotContain("null"));
        String more = mq.run(new ClusterListSubCommand(), "-m");
        assertThat(more).contains("#InTotalYest", "#OutTotalYest", "#InTotalToday", "#OutTotalToday")
            .contains("broker-a");
    }

    @Test
    void namesrvConfigGetAndUpdate() {
        String out = mq.run(new GetNamesrvConfigCommand());
        assertThat(out).contains("============" + mq.namesrv() + "============").containsPattern("kvConfigPath\\s+=");
        assertThat(mq.run(new UpdateNamesrvConfigCommand(), "-k", "orderMessageEnable", "-v", "true"))
            .contains("update name server config success");
        assertThat(mq.run(new GetNamesrvConfigCommand())).containsPattern("orderMessageEnable\\s+=\\s+true");
        MqAdmin.Run refused = mq.attempt(new UpdateNamesrvConfigCommand(), "-k", "kvConfigPath", "-v", "/tmp/x");
        assertThat(refused.failure()).isNotNull();
        assertThat(refused.output()).contains("CODE: 16", "Can not update config in black list.");
    }

    @Test
    void kvConfigUpdateThenDelete() {
        assertThat(mq.run(new UpdateKvConfigCommand(), "-s", "ORDER_TOPIC_CONFIG", "-k", "KvTopic", "-v",
            "broker-a:2")).contains("create or update kv config to namespace success.");
        assertThat(mq.run(new DeleteKvConfigCommand(), "-s", "ORDER_TOPIC_CONFIG", "-k", "KvTopic"))
            .contains("delete kv config from namespace success.");
    }

    @Test
    void wipeThenAddWritePerm() {
        String wiped = mq.run(new WipeWritePermSubCommand(), "-b", "broker-a");
        assertThat(wiped).contains("wipe write perm of broker[broker-a] in name server[" + mq.namesrv() + "] OK, ");
        assertThat(mq.run(new TopicRouteSubCommand(), "-t", MqAdmin.TOPIC)).contains("\"perm\":4");
        String added = mq.run(new AddWritePermSubCommand(), "-b", "broker-a");
        assertThat(added).contains("add write perm of broker[broker-a] in name server[" + mq.namesrv() + "] OK, ");
        assertThat(mq.run(new TopicRouteSubCommand(), "-t", MqAdmin.TOPIC)).contains("\"perm\":6");
    }

    @Test
    void exportMetadataConfigsAndMetrics() throws Exception {
        Path out = Files.createDirectories(dir.resolve("export"));
        String metadata = mq.run(new ExportMetadataCommand(), "-c", mq.cluster(), "-f", out.toString());
        assertThat(metadata).contains("export");
        assertThat(Files.readString(out.resolve("metadata.json"), StandardCharsets.UTF_8))
            .contains(MqAdmin.TOPIC, MqAdmin.GROUP);
        String byBroker = mq.run(new ExportMetadataCommand(), "-b", mq.broker(), "-f", out.toString(), "-t");
        assertThat(byBroker).contains("export");
        assertThat(Files.readString(out.resolve("topic.json"), StandardCharsets.UTF_8)).contains(MqAdmin.TOPIC);
        mq.run(new ExportMetadataCommand(), "-b", mq.broker(), "-f", out.toString(), "-g");
        assertThat(Files.readString(out.resolve("subscriptionGroup.json"), StandardCharsets.UTF_8))
            .contains(MqAdmin.GROUP);

        mq.run(new ExportConfigsCommand(), "-c", mq.cluster(), "-f", out.toString());
        assertThat(Files.readString(out.resolve("configs.json"), StandardCharsets.UTF_8))
            .contains("clusterScale", "\"masterBrokerSize\":1", "brokerConfigs", "broker-a", "\"filterServerNums\":\"0\"");
        mq.run(new ExportMetricsCommand(), "-c", mq.cluster(), "-f", out.toString());
        String metrics = Files.readString(out.resolve("metrics.json"), StandardCharsets.UTF_8);
        assertThat(metrics).contains("totalData", "broker-a", "\"cpuNum\"", "\"consumeQueueDiskRatio\"",
            "\"normalInTps\"");
    }

    /** clusterRT loops until stopped (one round per interval); the first round is enough. */
    @Test
    void clusterRtSendsThroughEveryBroker() throws Exception {
        String out = mq.runUntil(new CLusterSendMsgRTCommand(), o -> o.contains("broker-a"), Duration.ofSeconds(20),
            "-c", mq.cluster(), "-a", "3", "-s", "32", "-i", "60");
        assertThat(out).contains("#Cluster Name", "#Broker Name", "#RT", "#successCount", "#failCount");
        assertThat(out.lines().filter(l -> l.startsWith(mq.cluster()))).singleElement()
            .satisfies(l -> assertThat(l).contains("broker-a"));
    }

    @Test
    void deleteExpiredCommitLogAsksTheBroker() {
        assertThat(mq.run(new DeleteExpiredCommitLogSubCommand(), "-b", mq.broker())).contains("success");
    }
}

package org.rocketmqhm.core.mqadmin;

import org.apache.rocketmq.tools.command.broker.BrokerConsumeStatsSubCommad;
import org.apache.rocketmq.tools.command.connection.ConsumerConnectionSubCommand;
import org.apache.rocketmq.tools.command.connection.ProducerConnectionSubCommand;
import org.apache.rocketmq.tools.command.consumer.ConsumerProgressSubCommand;
import org.apache.rocketmq.tools.command.consumer.ConsumerStatusSubCommand;
import org.apache.rocketmq.tools.command.consumer.ConsumerSubCommand;
import org.apache.rocketmq.tools.command.consumer.DeleteSubscriptionGroupCommand;
import org.apache.rocketmq.tools.command.consumer.GetConsumerConfigSubCommand;
import org.apache.rocketmq.tools.command.consumer.UpdateSubGroupSubCommand;
import org.apache.rocketmq.tools.command.offset.CloneGroupOffsetCommand;
import org.apache.rocketmq.tools.command.offset.GetConsumerStatusCommand;
import org.apache.rocketmq.tools.command.offset.ResetOffsetByTimeCommand;
import org.apache.rocketmq.tools.command.offset.ResetOffsetByTimeOldCommand;
import org.apache.rocketmq.tools.command.offset.SkipAccumulationSubCommand;
import org.apache.rocketmq.tools.command.producer.ProducerSubCommand;
import org.apache.rocketmq.tools.command.stats.StatsAllSubCommand;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Apache 4.9.7 {@code mqadmin} consumer, producer, offset and stats subcommands against our platform. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MqAdminConsumerCommandsTests extends MqAdminTestBase {

    String clientId() {
        return mq.consumer.getDefaultMQPushConsumerImpl().getmQClientFactory().getClientId();
    }

    @Test
    void updateSubGroupThenGetConsumerConfigThenDelete() {
        String out = mq.run(new UpdateSubGroupSubCommand(), "-c", mq.cluster(), "-g", "cg-made", "-r", "5",
            "-q", "2", "-d", "true");
        assertThat(out).contains("create subscription group to " + mq.broker() + " success.")
            .contains("groupName=cg-made").contains("retryMaxTimes=5").contains("consumeBroadcastEnable=true");
        assertThat(mq.run(new UpdateSubGroupSubCommand(), "-b", mq.broker(), "-g", "cg-made2"))
            .contains("create subscription group to " + mq.broker() + " success.");

        String config = mq.run(new GetConsumerConfigSubCommand(), "-g", "cg-made");
        assertThat(config).contains(mq.cluster() + ":broker-a").containsPattern("retryMaxTimes\\s+=\\s+5");

        assertThat(mq.run(new DeleteSubscriptionGroupCommand(), "-c", mq.cluster(), "-g", "cg-made", "-r", "true"))
            .contains("delete subscription group [cg-made] from broker [" + mq.broker() + "] in cluster ["
                + mq.cluster() + "] success.");
        assertThat(mq.run(new DeleteSubscriptionGroupCommand(), "-b", mq.broker(), "-g", "cg-made2"))
            .contains("delete subscription group [cg-made2] from broker [" + mq.broker() + "] success.");
    }

    @Test
    void brokerConsumeStatsListsTheGroup() {
        String out = mq.run(new BrokerConsumeStatsSubCommad(), "-b", mq.broker());
        assertThat(out).contains("#Topic", "#Group", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset",
            "#Diff", "#LastTime");
        assertThat(out.lines().filter(l -> l.startsWith(MqAdmin.TOPIC))).isNotEmpty()
            .allSatisfy(l -> assertThat(l).contains(MqAdmin.GROUP, "broker-a"));
    }

    @Test
    void producerConnectionShowsOurProducer() {
        String out = mq.run(new ProducerConnectionSubCommand(), "-g", MqAdmin.PRODUCER_GROUP, "-t", MqAdmin.TOPIC);
        assertThat(out).contains("001", "127.0.0.1", "JAVA", "V4_9_7");
    }

    @Test
    void producerListsProducerGroupsOfTheBroker() {
        String out = mq.run(new ProducerSubCommand(), "-b", mq.broker());
        assertThat(out).contains(MqAdmin.PRODUCER_GROUP);
    }

    @Test
    void consumerConnectionShowsTheClientAndSubscription() {
        String out = mq.run(new ConsumerConnectionSubCommand(), "-g", MqAdmin.GROUP);
        assertThat(out).contains(clientId(), "V4_9_7", "Below is subscription:", MqAdmin.TOPIC, "CONSUME_PASSIVELY",
            "CLUSTERING", "CONSUME_FROM_FIRST_OFFSET");
        assertThat(mq.run(new ConsumerConnectionSubCommand(), "-g", MqAdmin.GROUP, "-b", mq.broker()))
            .contains(clientId());
    }

    @Test
    void consumerProgressOfOneGroupAndOfAll() {
        String one = mq.run(new ConsumerProgressSubCommand(), "-g", MqAdmin.GROUP);
        assertThat(one).contains("#Topic", "#Broker Name", "#QID", "#Broker Offset", "#Consumer Offset", "#Diff",
            "Consume TPS:", "Diff Total: 0");
        assertThat(mq.run(new ConsumerProgressSubCommand(), "-g", MqAdmin.GROUP, "-s", "true"))
            .contains("#Client IP", clientId().substring(0, clientId().indexOf('@')));
        String all = mq.run(new ConsumerProgressSubCommand());
        assertThat(all).contains("#Group", "#Count", "#Version", "#Type", "#Model", "#TPS", "#Diff Total");
        assertThat(all.lines().filter(l -> l.startsWith(MqAdmin.GROUP))).singleElement()
            .satisfies(l -> assertThat(l).contains("V4_9_7", "PUSH", "CLUSTERING"));
    }

    @Test
    void consumerStatusShowsRunningInfo() throws Exception {
        String out = mq.run(new ConsumerStatusSubCommand(), "-g", MqAdmin.GROUP);
        deleteRunningInfoFiles(out);
        assertThat(out).contains(clientId()).contains("Same subscription in the same group of consumer");
        String one = mq.run(new ConsumerStatusSubCommand(), "-g", MqAdmin.GROUP, "-i", clientId());
        assertThat(one).contains("#Consumer Properties#", "#Consumer Subscription#", "#Consumer Offset#",
            MqAdmin.TOPIC);
        String jstack = mq.run(new ConsumerStatusSubCommand(), "-g", MqAdmin.GROUP, "-i", clientId(), "-s");
        assertThat(jstack).contains("#Consumer jstack#");
        String consumer = mq.run(new ConsumerSubCommand(), "-g", MqAdmin.GROUP);
        deleteRunningInfoFiles(consumer);
        assertThat(consumer).contains(clientId());
    }

    /** consumerStatus and consumer write each client's running info to {@code <millis>/<clientId>} in the cwd. */
    void deleteRunningInfoFiles(String output) throws java.io.IOException {
        for (String line : output.lines().filter(l -> l.contains("/" + clientId())).toList()) {
            String[] columns = line.trim().split("\\s+");
            Path file = Path.of(columns[columns.length - 1]);
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    @Test
    void getConsumerStatusAsksTheClients() {
        String out = mq.run(new GetConsumerStatusCommand(), "-g", MqAdmin.GROUP, "-t", MqAdmin.TOPIC);
        assertThat(out).contains("get consumer status from client. group=" + MqAdmin.GROUP)
            .contains(clientId()).contains(MqAdmin.TOPIC);
    }

    @Test
    void cloneGroupOffsetCopiesOffsets() {
        String out = mq.run(new CloneGroupOffsetCommand(), "-s", MqAdmin.GROUP, "-d", "cg-clone", "-t",
            MqAdmin.TOPIC);
        assertThat(out).contains("clone group offset success. srcGroup[" + MqAdmin.GROUP + "], destGroup=[cg-clone]");
        // consumerProgress -g needs the group's retry topic, which only an online consumer creates (as in Apache)
        // (brokerConsumeStats lists subscription groups only, and cloning creates none, as in Apache)
        String stats = mq.run(new StatsAllSubCommand(), "-t", MqAdmin.TOPIC);
        assertThat(stats.lines().filter(l -> l.startsWith(MqAdmin.TOPIC) && l.contains("cg-clone"))).singleElement()
            .satisfies(l -> assertThat(l.trim().split("\\s+")[2]).isEqualTo("0"));
    }

    /**
     * Runs last: Apache's client applies a pushed reset on its (2-thread) callback executor and sleeps 10 s there,
     * which would delay the running-info and status requests of the other tests. Each reset pushed to the client
     * also delays its shutdown by 10 s (the client serializes them), so only two are pushed; {@code -c} (the body
     * form for C++ clients) takes the same broker path.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void resetOffsetByTimeAndSkipAccumulation() {
        String now = mq.run(new ResetOffsetByTimeCommand(), "-g", MqAdmin.GROUP, "-t", MqAdmin.TOPIC, "-s", "now");
        assertThat(now).contains("rollback consumer offset by specified group[" + MqAdmin.GROUP + "]")
            .contains("#brokerName", "#queueId", "#offset", "broker-a");
        String skip = mq.run(new SkipAccumulationSubCommand(), "-g", MqAdmin.GROUP, "-t", MqAdmin.TOPIC);
        assertThat(skip).contains("#brokerName", "#queueId", "#offset", "broker-a");
        // 4.9.7's old command silently does nothing for a numeric timestamp; only the date form works.
        String date = new java.text.SimpleDateFormat("yyyy-MM-dd#HH:mm:ss:SSS").format(new java.util.Date());
        String old = mq.run(new ResetOffsetByTimeOldCommand(), "-g", MqAdmin.GROUP, "-t", MqAdmin.TOPIC, "-s", date);
        assertThat(old).contains("rollback consumer offset by specified consumerGroup[" + MqAdmin.GROUP + "]")
            .contains("broker-a");
    }

    @Test
    void statsAllShowsTopicsAndGroups() {
        String out = mq.run(new StatsAllSubCommand(), "-t", MqAdmin.TOPIC);
        assertThat(out).contains("#Topic", "#Consumer Group", "#Accumulation", "#InTPS", "#OutTPS", "#InMsg24Hour",
            "#OutMsg24Hour");
        assertThat(out.lines().filter(l -> l.startsWith(MqAdmin.TOPIC))).anySatisfy(l ->
            assertThat(l).contains(MqAdmin.GROUP));
        assertThat(mq.run(new StatsAllSubCommand(), "-a")).contains("#Topic");
    }
}

package org.rocketmqhm.core.mqadmin;

import org.apache.rocketmq.tools.command.broker.CleanExpiredCQSubCommand;
import org.apache.rocketmq.tools.command.broker.CleanUnusedTopicCommand;
import org.apache.rocketmq.tools.command.queue.QueryConsumeQueueCommand;
import org.apache.rocketmq.tools.command.topic.AllocateMQSubCommand;
import org.apache.rocketmq.tools.command.topic.DeleteTopicSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicClusterSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicListSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicRouteSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicStatusSubCommand;
import org.apache.rocketmq.tools.command.topic.UpdateOrderConfCommand;
import org.apache.rocketmq.tools.command.topic.UpdateTopicPermSubCommand;
import org.apache.rocketmq.tools.command.topic.UpdateTopicSubCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Apache 4.9.7 {@code mqadmin} topic subcommands against our name server and broker. */
class MqAdminTopicCommandsTests extends MqAdminTestBase {

    @Test
    void updateTopicThenRouteThenPermThenDelete() {
        String out = mq.run(new UpdateTopicSubCommand(), "-c", mq.cluster(), "-t", "AdminMade", "-r", "3", "-w", "3");
        assertThat(out).contains("create topic to", "success").contains("AdminMade");
        String route = mq.run(new TopicRouteSubCommand(), "-t", "AdminMade");
        assertThat(route).contains("\"readQueueNums\":3", "\"writeQueueNums\":3", "broker-a");
        String list = mq.run(new TopicRouteSubCommand(), "-t", "AdminMade", "-l");
        assertThat(list).contains("broker-a").contains("6");

        String perm = mq.run(new UpdateTopicPermSubCommand(), "-c", mq.cluster(), "-t", "AdminMade", "-p", "4");
        assertThat(perm).contains("update topic perm from 6 to 4").contains("success");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            assertThat(mq.run(new TopicRouteSubCommand(), "-t", "AdminMade")).contains("\"perm\":4"));

        String deleted = mq.run(new DeleteTopicSubCommand(), "-c", mq.cluster(), "-t", "AdminMade");
        assertThat(deleted).contains("delete topic [AdminMade] from cluster [" + mq.cluster() + "] success")
            .contains("delete topic [AdminMade] from NameServer success");
        MqAdmin.Run gone = mq.attempt(new TopicRouteSubCommand(), "-t", "AdminMade");
        assertThat(gone.failure()).isNotNull();
    }

    @Test
    void updateTopicOnOneBrokerAddress() {
        String out = mq.run(new UpdateTopicSubCommand(), "-b", mq.broker(), "-t", "AdminByAddr", "-o", "false");
        assertThat(out).contains("create topic to " + mq.broker() + " success");
    }

    @Test
    void orderedTopicWritesItsOrderConfToTheNameServer() {
        String out = mq.run(new UpdateTopicSubCommand(), "-c", mq.cluster(), "-t", "AdminOrdered", "-o", "true");
        assertThat(out).contains("set cluster orderConf. isOrder=true").contains("success");
        String orderConf = mq.run(new UpdateOrderConfCommand(), "-t", "AdminOrdered", "-m", "get");
        assertThat(orderConf).contains("broker-a:8");

        assertThat(mq.run(new UpdateOrderConfCommand(), "-t", "AdminOrdered", "-m", "put", "-v", "broker-a:4"))
            .contains("update orderConf success");
        assertThat(mq.run(new UpdateOrderConfCommand(), "-t", "AdminOrdered", "-m", "get")).contains("broker-a:4");
        assertThat(mq.run(new UpdateOrderConfCommand(), "-t", "AdminOrdered", "-m", "delete"))
            .contains("delete orderConf success");
    }

    @Test
    void topicStatusShowsOffsetsPerQueue() {
        String out = mq.run(new TopicStatusSubCommand(), "-t", MqAdmin.TOPIC);
        assertThat(out).contains("#Broker Name", "#QID", "#Min Offset", "#Max Offset", "broker-a");
        long total = out.lines().filter(l -> l.startsWith("broker-a"))
            .mapToLong(l -> Long.parseLong(l.trim().split("\\s+")[3])).sum();
        assertThat(total).isEqualTo(MqAdmin.SENT);
    }

    @Test
    void topicClusterListNamesOurCluster() {
        assertThat(mq.run(new TopicClusterSubCommand(), "-t", MqAdmin.TOPIC)).contains(mq.cluster());
    }

    @Test
    void topicListPlainAndByCluster() {
        assertThat(mq.run(new TopicListSubCommand())).contains(MqAdmin.TOPIC, "TBW102");
        String byCluster = mq.run(new TopicListSubCommand(), "-c");
        assertThat(byCluster).contains("#Cluster Name", "#Topic", "#Consumer Group");
        assertThat(byCluster.lines().filter(l -> l.contains(MqAdmin.TOPIC)))
            .anySatisfy(l -> assertThat(l).contains(mq.cluster()).contains(MqAdmin.GROUP));
    }

    @Test
    void allocateMqSplitsQueuesOverClients() {
        String out = mq.run(new AllocateMQSubCommand(), "-t", MqAdmin.TOPIC, "-i", "10.0.0.1,10.0.0.2");
        assertThat(out).contains("\"10.0.0.1\"", "\"10.0.0.2\"", MqAdmin.TOPIC);
    }

    @Test
    void cleanUnusedTopicAndCleanExpiredConsumeQueue() {
        assertThat(mq.run(new CleanUnusedTopicCommand(), "-b", mq.broker())).contains("success");
        assertThat(mq.run(new CleanUnusedTopicCommand(), "-c", mq.cluster())).contains("success");
        assertThat(mq.run(new CleanExpiredCQSubCommand(), "-b", mq.broker())).contains("success");
        assertThat(mq.run(new CleanExpiredCQSubCommand(), "-c", mq.cluster())).contains("success");
        assertThat(mq.run(new CleanExpiredCQSubCommand())).contains("success");
    }

    @Test
    void queryCqShowsTheUnitsOfAQueue() {
        String out = mq.run(new QueryConsumeQueueCommand(), "-t", MqAdmin.TOPIC, "-q", "0", "-i", "0", "-c", "5",
            "-b", mq.broker(), "-g", MqAdmin.GROUP);
        assertThat(out).contains("Queue data", "max: 2, min: 0", "idx: 0", "physicOffset=");
    }
}

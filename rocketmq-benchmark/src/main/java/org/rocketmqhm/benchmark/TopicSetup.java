package org.rocketmqhm.benchmark;

import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

import java.util.concurrent.TimeUnit;

/**
 * Creates a topic with a fixed number of queues on every master broker through the admin API and waits until the
 * name server routes it. When the broker refuses the admin call the topic is left to auto-creation on first send.
 *
 * @since 0.1.0
 */
final class TopicSetup {

    private TopicSetup() {
    }

    /** @return true when the topic was created and routed; false when it is left to auto-creation */
    static boolean createTopic(Clients clients, String topic, int queues) throws Exception {
        DefaultMQAdminExt admin = clients.admin();
        admin.start();
        try {
            ClusterInfo cluster = admin.examineBrokerClusterInfo();
            TopicConfig config = new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
            for (BrokerData broker : cluster.getBrokerAddrTable().values()) {
                String master = broker.getBrokerAddrs().get(0L);
                if (master != null) {
                    admin.createAndUpdateTopicConfig(master, config);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                try {
                    TopicRouteData route = admin.examineTopicRouteInfo(topic);
                    if (route != null && !route.getQueueDatas().isEmpty()) {
                        return true;
                    }
                } catch (Exception notYetRouted) {
                    // the broker registers the new topic with the name server shortly
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            System.err.println("topic " + topic + " created but not routed after 20 s; relying on auto-create");
            return false;
        } catch (Exception e) {
            System.err.println("admin topic creation failed (" + e + "); relying on auto-create with " + queues
                    + " queues");
            return false;
        } finally {
            admin.shutdown();
        }
    }
}

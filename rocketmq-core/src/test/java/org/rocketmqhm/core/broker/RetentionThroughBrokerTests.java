package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention seen from clients: expired CommitLog files go, a consumer asking below the new minimum is moved on
 * (PULL_OFFSET_MOVED) and continues from it, and queries no longer find deleted messages.
 */
class RetentionThroughBrokerTests {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    @Test
    void consumersMoveOnAndQueriesForgetDeletedMessages() throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(dir, broker -> { }, store -> {
            store.setMappedFileSizeCommitLog(64 * 1024);
            store.setFileReservedTime(0);
            store.setDeleteCommitLogFilesInterval(0);
        })) {
            String namesrv = platform.nameServerAddress();
            DefaultMQProducer producer = new DefaultMQProducer("pg-retention");
            producer.setNamesrvAddr(namesrv);
            producer.setInstanceName("retention-" + System.nanoTime());
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(namesrv);
            admin.setInstanceName("retention-admin-" + System.nanoTime());
            DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("cg-retention");
            consumer.setNamesrvAddr(namesrv);
            consumer.setInstanceName("retention-consumer-" + System.nanoTime());
            NettyRemotingClient remoting = new NettyRemotingClient(new NettyClientConfig());
            try {
                producer.start();
                admin.start();
                MessageQueue queue = new MessageQueue("Retained", "broker-local", 0);
                byte[] filler = new byte[1024];
                int total = 200;
                for (int i = 0; i < total; i++) {
                    Message message = new Message("Retained", null, "key-" + i, filler.clone());
                    message.putUserProperty("n", Integer.toString(i));
                    producer.send(message, queue);
                }
                long begin = System.currentTimeMillis() - 60_000;
                long end = System.currentTimeMillis() + 60_000;
                assertThat(admin.queryMessage("Retained", "key-0", 8, begin, end).getMessageList()).hasSize(1);

                RemotingCommand delete = remoting.invokeSync(platform.broker().address(),
                    RemotingCommand.request(RequestCode.DELETE_EXPIRED_COMMITLOG), 10_000);
                assertThat(delete.getCode()).isEqualTo(ResponseCode.SUCCESS);

                long min = admin.minOffset(queue);
                long max = admin.maxOffset(queue);
                assertThat(min).as("files holding the first messages are gone").isGreaterThan(0);
                assertThat(max).isEqualTo(total);

                consumer.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere
                    .CONSUME_FROM_FIRST_OFFSET);
                consumer.subscribe("Retained", "*");
                consumer.start();
                List<Long> offsets = new ArrayList<>();
                long deadline = System.currentTimeMillis() + 30_000;
                while (offsets.size() < max - min && System.currentTimeMillis() < deadline) {
                    for (MessageExt message : consumer.poll(1000)) {
                        offsets.add(message.getQueueOffset());
                    }
                }
                assertThat(offsets).as("the consumer was moved to the new minimum and read on from there")
                    .hasSize((int) (max - min));
                assertThat(offsets.get(0)).isEqualTo(min);

                assertThatThrownBy(() -> admin.queryMessage("Retained", "key-0", 8, begin, end))
                    .hasMessageContaining("no message");
                assertThat(admin.queryMessage("Retained", "key-" + (total - 1), 8, begin, end).getMessageList())
                    .hasSize(1);
            } finally {
                remoting.shutdown();
                consumer.shutdown();
                admin.shutdown();
                producer.shutdown();
            }
        }
    }
}

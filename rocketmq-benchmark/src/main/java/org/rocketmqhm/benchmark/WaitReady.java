package org.rocketmqhm.benchmark;

import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

import java.util.concurrent.TimeUnit;

/**
 * Start-up probe for run-comparison.sh: prints {@code POLLING} once its client is up, then
 * {@code NAMESRV_READY <epochMillis>} when the name server first answers cluster info and
 * {@code BROKER_READY <epochMillis>} when a broker appears in it. Polls every 20 ms.
 *
 * <p>Usage: {@code java -cp rocketmq-benchmark.jar org.rocketmqhm.benchmark.WaitReady host:port timeoutSeconds}
 *
 * @since 0.1.0
 */
public final class WaitReady {

    private WaitReady() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "false");
        System.setProperty("rocketmq.client.logLevel", "ERROR");
        String namesrv = args[0];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        DefaultMQAdminExt admin = new DefaultMQAdminExt(1_000);
        admin.setNamesrvAddr(namesrv);
        admin.setInstanceName("bench-wait-" + ProcessHandle.current().pid());
        admin.setVipChannelEnabled(false);
        admin.start();
        System.out.println("POLLING");
        System.out.flush();
        boolean namesrvReady = false;
        int exit = 1;
        while (System.nanoTime() < deadline) {
            try {
                ClusterInfo cluster = admin.examineBrokerClusterInfo();
                long now = System.currentTimeMillis();
                if (!namesrvReady) {
                    namesrvReady = true;
                    System.out.println("NAMESRV_READY " + now);
                    System.out.flush();
                }
                if (cluster != null && cluster.getBrokerAddrTable() != null
                        && !cluster.getBrokerAddrTable().isEmpty()) {
                    System.out.println("BROKER_READY " + now);
                    exit = 0;
                    break;
                }
            } catch (Exception notYet) {
                // name server not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        System.out.flush();
        admin.shutdown();
        System.exit(exit);
    }
}

package org.rocketmqhm.core.mqadmin;

import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.tools.command.SubCommand;
import org.apache.rocketmq.tools.command.acl.ClusterAclConfigVersionListSubCommand;
import org.apache.rocketmq.tools.command.acl.DeleteAccessConfigSubCommand;
import org.apache.rocketmq.tools.command.acl.GetAccessConfigSubCommand;
import org.apache.rocketmq.tools.command.acl.UpdateAccessConfigSubCommand;
import org.apache.rocketmq.tools.command.acl.UpdateGlobalWhiteAddrSubCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Apache 4.9.7 {@code mqadmin} ACL subcommands, signed by an admin account, against our broker with ACL on. */
class MqAdminAclCommandsTests {

    private static final String ACL = """
        accounts:
          - accessKey: adminUser
            secretKey: adminSecret1
            admin: true
        """;

    @TempDir
    static Path dir;
    static OurRocketMQ platform;
    static final RPCHook ADMIN = new AclClientRPCHook(new SessionCredentials("adminUser", "adminSecret1"));

    @BeforeAll
    static void start() throws Exception {
        Path aclFile = dir.resolve("home/conf/plain_acl.yml");
        Files.createDirectories(aclFile.getParent());
        Files.writeString(aclFile, ACL);
        platform = OurRocketMQ.start(dir.resolve("broker"), n -> { }, b -> {
            b.setAclEnable(true);
            b.setRocketmqHome(dir.resolve("home").toString());
        });
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    static String run(SubCommand command, String... args) {
        MqAdmin.Run run = MqAdmin.attempt(platform.nameServerAddress(), ADMIN, command, args);
        if (run.failure() != null) {
            throw new AssertionError("mqadmin " + command.commandName() + " failed; output:\n" + run.output(),
                run.failure());
        }
        return run.output();
    }

    @Test
    void updateGetAndDeleteAnAccount() {
        String created = run(new UpdateAccessConfigSubCommand(), "-b", platform.brokerAddress(), "-a", "opsUser",
            "-s", "opsSecret1", "-i", "PUB", "-u", "SUB", "-t", "orders=PUB|SUB", "-w", "10.0.0.*");
        assertThat(created).contains("create or update plain access config to " + platform.brokerAddress() + " success.");
        String byCluster = run(new UpdateAccessConfigSubCommand(), "-c", platform.clusterName(), "-a", "opsUser",
            "-s", "opsSecret2");
        assertThat(byCluster).contains("success");

        String config = run(new GetAccessConfigSubCommand(), "-b", platform.brokerAddress());
        assertThat(config).contains("adminUser").containsPattern("accessKey\\s+: opsUser")
            .containsPattern("secretKey\\s+: opsSecret2").containsPattern("topicPerms\\s+: \\[orders=PUB\\|SUB\\]");
        assertThat(run(new GetAccessConfigSubCommand(), "-c", platform.clusterName())).contains("opsUser");

        assertThat(run(new DeleteAccessConfigSubCommand(), "-b", platform.brokerAddress(), "-a", "opsUser"))
            .contains("delete plain access config account from " + platform.brokerAddress() + " success.");
        assertThat(run(new GetAccessConfigSubCommand(), "-b", platform.brokerAddress())).doesNotContain("opsUser");
    }

    @Test
    void globalWhiteAddressesAndConfigVersion() {
        assertThat(run(new UpdateGlobalWhiteAddrSubCommand(), "-b", platform.brokerAddress(), "-g", "10.10.*"))
            .contains("success");
        assertThat(run(new GetAccessConfigSubCommand(), "-b", platform.brokerAddress())).contains("10.10.*");
        String version = run(new ClusterAclConfigVersionListSubCommand(), "-b", platform.brokerAddress());
        assertThat(version).contains(platform.brokerAddress(), "plain_acl.yml", "get broker's plain access config version success.");
        assertThat(run(new ClusterAclConfigVersionListSubCommand(), "-c", platform.clusterName()))
            .contains(platform.clusterName());
    }
}

package org.rocketmqhm.core.acl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainAclStoreTests {

    private static final String YAML = """
        globalWhiteRemoteAddresses:
          - 10.10.*
        accounts:
          - accessKey: userAccess
            secretKey: userSecret
            whiteRemoteAddress: 192.168.0.*
            admin: false
            defaultTopicPerm: DENY
            defaultGroupPerm: SUB
            topicPerms:
              - topicA=DENY
              - topicB=PUB|SUB
            groupPerms:
              - groupA=DENY
        """;

    @Test
    void loadsCompilesAndMissingFileIsEmpty(@TempDir Path dir) throws Exception {
        PlainAclStore missing = new PlainAclStore(dir.resolve("conf/plain_acl.yml"));
        missing.load();
        assertThat(missing.config().accounts()).isEmpty();

        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(file, YAML);
        PlainAclStore store = new PlainAclStore(file);
        store.load();
        AclRules rules = store.rules();
        assertThat(rules.globallyWhite("10.10.3.4")).isTrue();
        AclAccount account = rules.account("userAccess");
        assertThat(account.whiteAddress().matches("192.168.0.9")).isTrue();
        assertThat(account.resourcePerms()).containsEntry("topicA", Permission.DENY)
            .containsEntry("topicB", (byte) (Permission.PUB | Permission.SUB))
            .containsEntry("%RETRY%groupA", Permission.DENY);
        assertThat(account.defaultGroupPerm()).isEqualTo(Permission.SUB);
    }

    @Test
    void updatesRewriteTheFileWithANewVersionAndSurviveReload(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(file, YAML);
        PlainAclStore store = new PlainAclStore(file);
        store.load();
        long counter = store.dataVersion().counter();

        store.updateAccount(new PlainAccessConfig("newAccess1", "newSecret1", null, true, "PUB", null,
            List.of("t1=SUB"), null));
        store.updateAccount(new PlainAccessConfig("userAccess", "userSecret2", null, false, null, null, null, null));
        store.updateGlobalWhiteAddresses(List.of("127.0.0.1"));
        assertThat(store.deleteAccount("nobody12")).isFalse();
        assertThat(store.dataVersion().counter()).isEqualTo(counter + 3);

        PlainAclStore reread = new PlainAclStore(file);
        reread.load();
        assertThat(reread.dataVersion().counter()).isEqualTo(counter + 3);
        assertThat(reread.config().globalWhiteRemoteAddresses()).containsExactly("127.0.0.1");
        PlainAccessConfig user = reread.config().accounts().get(0);
        assertThat(user.secretKey()).isEqualTo("userSecret2");
        assertThat(user.topicPerms()).containsExactly("topicA=DENY", "topicB=PUB|SUB");
        assertThat(reread.rules().account("newAccess1").admin()).isTrue();

        assertThat(store.deleteAccount("newAccess1")).isTrue();
        assertThat(store.rules().account("newAccess1")).isNull();
        assertThat(store.reloadIfChanged()).isFalse();
    }

    @Test
    void invalidUpdatesAreRefusedAndExternalEditsAreReloaded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain_acl.yml");
        Files.writeString(file, YAML);
        PlainAclStore store = new PlainAclStore(file);
        store.load();
        assertThatThrownBy(() -> store.updateAccount(new PlainAccessConfig("short", "s", null, false, null, null,
            null, null))).isInstanceOf(AclException.class).hasMessageContaining("length should longer than 6");
        assertThatThrownBy(() -> store.updateAccount(new PlainAccessConfig("longEnough", "longEnough", null, false,
            null, null, List.of("topicX"), null))).hasMessageContaining("Parse Resource format error");

        Files.writeString(file, YAML.replace("userAccess", "otherAccess"));
        assertThat(store.reloadIfChanged()).isTrue();
        assertThat(store.rules().account("otherAccess")).isNotNull();
        assertThat(store.rules().account("userAccess")).isNull();

        Files.writeString(file, "accounts: [ {accessKey: x");
        assertThat(store.reloadIfChanged()).isFalse();
        assertThat(store.rules().account("otherAccess")).isNotNull();
    }
}

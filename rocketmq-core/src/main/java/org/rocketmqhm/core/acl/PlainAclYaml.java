package org.rocketmqhm.core.acl;

import org.rocketmqhm.core.protocol.body.DataVersion;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the {@code plain_acl.yml} format (protocol §7.3): top-level {@code globalWhiteRemoteAddresses}
 * (list), {@code accounts} (list of maps with {@code accessKey}, {@code secretKey}, {@code whiteRemoteAddress},
 * {@code admin}, {@code defaultTopicPerm}, {@code defaultGroupPerm}, {@code topicPerms}, {@code groupPerms}) and
 * {@code dataVersion} (a one-element list of {@code {counter, timestamp}}, written by the broker on each change).
 * Unknown keys are ignored (and not written back). Stateless; SnakeYAML's safe constructor only.
 *
 * @since 0.3.0
 */
public final class PlainAclYaml {

    private PlainAclYaml() {
    }

    /**
     * @param content the file's bytes (empty means an empty configuration)
     * @throws AclException when the YAML cannot be read
     */
    public static PlainAclConfig parse(byte[] content) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(content, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new AclException("Cannot read the ACL file: " + e.getMessage());
        }
        if (root == null) {
            return PlainAclConfig.empty();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new AclException("Cannot read the ACL file: the top level is not a map");
        }
        List<PlainAccessConfig> accounts = new ArrayList<>();
        for (Object item : list(map.get("accounts"))) {
            if (item instanceof Map<?, ?> account) {
                accounts.add(new PlainAccessConfig(string(account.get("accessKey")),
                    string(account.get("secretKey")), string(account.get("whiteRemoteAddress")),
                    Boolean.parseBoolean(String.valueOf(account.get("admin"))),
                    string(account.get("defaultTopicPerm")), string(account.get("defaultGroupPerm")),
                    strings(account.get("topicPerms")), strings(account.get("groupPerms"))));
            }
        }
        List<String> global = strings(map.get("globalWhiteRemoteAddresses"));
        return new PlainAclConfig(global == null ? List.of() : global, accounts, dataVersion(map.get("dataVersion")));
    }

    /** @return the YAML text of the configuration */
    public static byte[] write(PlainAclConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("globalWhiteRemoteAddresses", new ArrayList<>(config.globalWhiteRemoteAddresses()));
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (PlainAccessConfig a : config.accounts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accessKey", a.accessKey());
            putIfSet(m, "secretKey", a.secretKey());
            putIfSet(m, "whiteRemoteAddress", a.whiteRemoteAddress());
            m.put("admin", a.admin());
            putIfSet(m, "defaultTopicPerm", a.defaultTopicPerm());
            putIfSet(m, "defaultGroupPerm", a.defaultGroupPerm());
            putIfSet(m, "topicPerms", a.topicPerms() == null ? null : new ArrayList<>(a.topicPerms()));
            putIfSet(m, "groupPerms", a.groupPerms() == null ? null : new ArrayList<>(a.groupPerms()));
            accounts.add(m);
        }
        root.put("accounts", accounts);
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("counter", config.dataVersion().counter());
        version.put("timestamp", config.dataVersion().timestamp());
        root.put("dataVersion", List.of(version));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(new Representer(options), options).dump(root).getBytes(StandardCharsets.UTF_8);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static DataVersion dataVersion(Object value) {
        Object first = value instanceof List<?> l && !l.isEmpty() ? l.get(0) : value;
        if (first instanceof Map<?, ?> m && m.get("counter") instanceof Number counter
            && m.get("timestamp") instanceof Number timestamp) {
            return new DataVersion(timestamp.longValue(), counter.longValue());
        }
        return DataVersion.initial();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object o : l) {
                if (o != null) {
                    out.add(String.valueOf(o));
                }
            }
        } else {
            out.add(String.valueOf(value));
        }
        return out;
    }
}

package org.rocketmqhm.brokerapp;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.common.config.ConfigBinder;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Resolves the broker's settings: Apache's {@code broker.properties} first (keys as Apache names them, unknown keys
 * reported with a warning), then every {@code rocketmq.broker.*} Spring property on top (relaxed names:
 * {@code flush-disk-type}, {@code flushDiskType}, {@code ROCKETMQ_BROKER_FLUSHDISKTYPE}).
 *
 * @since 0.1.0
 */
final class BrokerSettingsLoader {

    static final String PREFIX = "rocketmq.broker";

    private static final Logger log = LoggerFactory.getLogger(BrokerSettingsLoader.class);

    private BrokerSettingsLoader() {
    }

    static BrokerSettings load(Environment environment) {
        BrokerConfig broker = new BrokerConfig();
        MessageStoreConfig store = new MessageStoreConfig();
        String configFile = environment.getProperty(PREFIX + ".config-file");
        if (configFile != null && !configFile.isBlank()) {
            applyFile(Path.of(configFile), broker, store);
        }
        Binder binder = Binder.get(environment);
        binder.bind(PREFIX, Bindable.ofInstance(broker));
        binder.bind(PREFIX, Bindable.ofInstance(store));
        broker.validate();
        return new BrokerSettings(broker, store);
    }

    private static void applyFile(Path file, BrokerConfig broker, MessageStoreConfig store) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read broker configuration file " + file + ": " + e.getMessage(), e);
        }
        List<String> unknown = ConfigBinder.bind(properties, broker, store);
        if (!unknown.isEmpty()) {
            log.warn("{}: unknown keys ignored: {}", file, String.join(", ", unknown));
        }
        log.info("loaded broker configuration from {}", file);
    }
}

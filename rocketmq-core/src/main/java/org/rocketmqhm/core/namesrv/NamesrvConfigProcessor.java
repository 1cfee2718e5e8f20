package org.rocketmqhm.core.namesrv;

import org.rocketmqhm.core.common.config.ConfigBinder;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The name server's own settings as operators see them: GET_NAMESRV_CONFIG (319) answers {@code key=value} lines,
 * UPDATE_NAMESRV_CONFIG (318) applies a {@code key=value} body to the {@link NamesrvConfig} in memory. Keys that
 * name files ({@code kvConfigPath}, {@code configStorePath}) or the black list itself are refused with
 * {@code SYSTEM_ERROR}, as Apache's name server refuses them since the 2023 configuration-update fix; keys the
 * configuration does not know are ignored. Thread-safe (updates are serialized on the configuration).
 *
 * @since 0.3.0
 */
public final class NamesrvConfigProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(NamesrvConfigProcessor.class);

    /** Keys an update may not touch. */
    static final Set<String> BLACK_LIST = Set.of("configBlackList", "configStorePath", "kvConfigPath");

    private final NamesrvConfig config;

    public NamesrvConfigProcessor(NamesrvConfig config) {
        this.config = config;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) {
        return switch (request.getCode()) {
            case RequestCode.GET_NAMESRV_CONFIG -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .setBody(configText().getBytes(StandardCharsets.UTF_8));
            case RequestCode.UPDATE_NAMESRV_CONFIG -> update(request);
            default -> throw new IllegalArgumentException("unexpected code " + request.getCode());
        };
    }

    private RemotingCommand update(RemotingCommand request) {
        if (request.getBody() == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(request.getBody(), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "string2Properties error");
        }
        for (String key : properties.stringPropertyNames()) {
            if (BLACK_LIST.contains(key)) {
                return RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION,
                    "Can not update config in black list.");
            }
        }
        try {
            List<String> unknown;
            synchronized (config) {
                unknown = ConfigBinder.bind(properties, config);
            }
            if (!unknown.isEmpty()) {
                log.info("name server config update ignored unknown keys {}", unknown);
            }
        } catch (IllegalArgumentException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        log.info("name server config updated: {}", properties);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    private String configText() {
        synchronized (config) {
            return "listenPort=" + config.getListenPort() + "\n"
                + "orderMessageEnable=" + config.isOrderMessageEnable() + "\n"
                + "kvConfigPath=" + config.getKvConfigPath() + "\n"
                + "brokerChannelExpiredTime=" + config.getBrokerChannelExpiredTime() + "\n"
                + "scanNotActiveBrokerInterval=" + config.getScanNotActiveBrokerInterval() + "\n";
        }
    }
}

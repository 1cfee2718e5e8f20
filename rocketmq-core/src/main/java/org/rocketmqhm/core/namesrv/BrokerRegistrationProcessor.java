package org.rocketmqhm.core.namesrv;

import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.DataVersion;
import org.rocketmqhm.core.protocol.body.KVTable;
import org.rocketmqhm.core.protocol.body.TopicConfigSerializeWrapper;
import org.rocketmqhm.core.protocol.header.BrokerIdentityHeader;
import org.rocketmqhm.core.protocol.header.QueryDataVersionResponseHeader;
import org.rocketmqhm.core.protocol.header.RegisterBrokerRequestHeader;
import org.rocketmqhm.core.protocol.header.RegisterBrokerResponseHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

import java.util.Map;
import java.util.zip.CRC32;

/**
 * Serves brokers: REGISTER_BROKER, UNREGISTER_BROKER and QUERY_DATA_VERSION.
 *
 * @since 0.1.0
 */
public final class BrokerRegistrationProcessor implements RequestProcessor {

    /** KV namespace holding order-topic queue layouts. */
    public static final String ORDER_TOPIC_NAMESPACE = "ORDER_TOPIC_CONFIG";

    private final RouteInfoTable routes;
    private final KvConfigStore kvConfig;

    public BrokerRegistrationProcessor(RouteInfoTable routes, KvConfigStore kvConfig) {
        this.routes = routes;
        this.kvConfig = kvConfig;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.REGISTER_BROKER -> register(context, request);
            case RequestCode.UNREGISTER_BROKER -> unregister(request);
            case RequestCode.QUERY_DATA_VERSION -> queryDataVersion(request);
            default -> throw new IllegalArgumentException("unexpected code " + request.getCode());
        };
    }

    private RemotingCommand register(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        RegisterBrokerRequestHeader header = request.decodeHeader(RegisterBrokerRequestHeader.class);
        byte[] body = request.getBody();
        if (header.bodyCrc32() != null && header.bodyCrc32() != 0 && crc32(body) != header.bodyCrc32()) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "crc32 not match");
        }
        TopicConfigSerializeWrapper topics;
        try {
            topics = RegisterBodyDecoder.decode(body, Boolean.TRUE.equals(header.compressed()), request.getVersion());
        } catch (IllegalArgumentException e) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        DataVersion version = topics.dataVersion() == null ? DataVersion.initial() : topics.dataVersion();
        RouteInfoTable.RegisterResult result = routes.register(new BrokerRegistration(header.clusterName(),
            header.brokerName(), header.brokerAddr(), header.brokerId(), header.haServerAddr(), version,
            topics.topicConfigTable() == null ? Map.of() : topics.topicConfigTable(), context.channel()));
        RemotingCommand response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
            .writeHeader(new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()));
        Map<String, String> orderTopics = kvConfig.namespace(ORDER_TOPIC_NAMESPACE);
        if (!orderTopics.isEmpty()) {
            response.setBody(RemotingJson.encode(new KVTable(orderTopics)));
        }
        return response;
    }

    private RemotingCommand unregister(RemotingCommand request) throws RemotingCommandException {
        BrokerIdentityHeader header = request.decodeHeader(BrokerIdentityHeader.class);
        routes.unregister(header.brokerName(), header.brokerAddr(), header.brokerId());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    private RemotingCommand queryDataVersion(RemotingCommand request) throws RemotingCommandException {
        BrokerIdentityHeader header = request.decodeHeader(BrokerIdentityHeader.class);
        DataVersion brokerVersion = RemotingJson.decode(request.getBody(), DataVersion.class);
        boolean changed = routes.isDataVersionChanged(header.brokerAddr(), brokerVersion);
        RemotingCommand response = RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
            .writeHeader(new QueryDataVersionResponseHeader(changed));
        DataVersion stored = routes.dataVersion(header.brokerAddr());
        if (stored != null) {
            response.setBody(RemotingJson.encode(stored));
        }
        return response;
    }

    private static int crc32(byte[] body) {
        CRC32 crc = new CRC32();
        if (body != null) {
            crc.update(body);
        }
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}

package org.rocketmqhm.core.namesrv;

import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.KVTable;
import org.rocketmqhm.core.protocol.header.GetKVConfigResponseHeader;
import org.rocketmqhm.core.protocol.header.KVConfigRequestHeader;
import org.rocketmqhm.core.protocol.header.NamespaceRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

import java.util.Map;

/**
 * Serves PUT_KV_CONFIG, GET_KV_CONFIG, DELETE_KV_CONFIG and GET_KVLIST_BY_NAMESPACE.
 *
 * @since 0.1.0
 */
public final class KvConfigProcessor implements RequestProcessor {

    private final KvConfigStore store;

    public KvConfigProcessor(KvConfigStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception {
        switch (request.getCode()) {
            case RequestCode.PUT_KV_CONFIG -> {
                KVConfigRequestHeader header = request.decodeHeader(KVConfigRequestHeader.class);
                if (header.value() == null) {
                    throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "the custom field <value> is null");
                }
                store.put(header.namespace(), header.key(), header.value());
                return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
            }
            case RequestCode.GET_KV_CONFIG -> {
                KVConfigRequestHeader header = request.decodeHeader(KVConfigRequestHeader.class);
                String value = store.get(header.namespace(), header.key());
                if (value == null) {
                    return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                        "No config item, Namespace: " + header.namespace() + " Key: " + header.key());
                }
                return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                    .writeHeader(new GetKVConfigResponseHeader(value));
            }
            case RequestCode.DELETE_KV_CONFIG -> {
                KVConfigRequestHeader header = request.decodeHeader(KVConfigRequestHeader.class);
                store.delete(header.namespace(), header.key());
                return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
            }
            case RequestCode.GET_KVLIST_BY_NAMESPACE -> {
                String namespace = request.decodeHeader(NamespaceRequestHeader.class).namespace();
                Map<String, String> values = store.namespace(namespace);
                if (values.isEmpty()) {
                    return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                        "No config item, Namespace: " + namespace);
                }
                return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                    .setBody(RemotingJson.encode(new KVTable(values)));
            }
            default -> throw new IllegalArgumentException("unexpected code " + request.getCode());
        }
    }
}

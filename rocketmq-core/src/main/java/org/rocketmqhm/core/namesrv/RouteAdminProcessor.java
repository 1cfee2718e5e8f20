package org.rocketmqhm.core.namesrv;

import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.header.AddWritePermResponseHeader;
import org.rocketmqhm.core.protocol.header.BrokerNameRequestHeader;
import org.rocketmqhm.core.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import org.rocketmqhm.core.protocol.header.WipeWritePermResponseHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

/**
 * Operator changes to routes: WIPE_WRITE_PERM_OF_BROKER, ADD_WRITE_PERM_OF_BROKER, DELETE_TOPIC_IN_NAMESRV.
 *
 * @since 0.1.0
 */
public final class RouteAdminProcessor implements RequestProcessor {

    private final RouteInfoTable routes;
    public RouteAdminProcessor(RouteInfoTable routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.WIPE_WRITE_PERM_OF_BROKER -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .writeHeader(new WipeWritePermResponseHeader(routes.wipeWritePerm(
                    request.decodeHeader(BrokerNameRequestHeader.class).brokerName())));
            case RequestCode.ADD_WRITE_PERM_OF_BROKER -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .writeHeader(new AddWritePermResponseHeader(routes.addWritePerm(
                    request.decodeHeader(BrokerNameRequestHeader.class).brokerName())));
            case RequestCode.DELETE_TOPIC_IN_NAMESRV -> {
                DeleteTopicFromNamesrvRequestHeader header = request.decodeHeader(DeleteTopicFromNamesrvRequestHeader.class);
                routes.deleteTopic(header.topic(), header.clusterName());
                yield RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
            }
            default -> throw new IllegalArgumentException("unexpected code " + request.getCode());
        };
    }
}

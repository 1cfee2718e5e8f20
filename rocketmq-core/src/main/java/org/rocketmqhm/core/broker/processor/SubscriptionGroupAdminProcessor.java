package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupConfig;
import org.rocketmqhm.core.protocol.header.DeleteSubscriptionGroupRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

/**
 * Subscription-group administration: UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200), GET_ALL_SUBSCRIPTIONGROUP_CONFIG
 * (201) and DELETE_SUBSCRIPTIONGROUP (207). Thread-safe.
 *
 * @since 0.1.0
 */
public final class SubscriptionGroupAdminProcessor implements RequestProcessor {

    private final SubscriptionGroupManager groups;
    private final ConsumerOffsetManager offsets;

    public SubscriptionGroupAdminProcessor(SubscriptionGroupManager groups, ConsumerOffsetManager offsets) {
        this.groups = groups;
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP -> {
                SubscriptionGroupConfig config = ClientManageProcessor.decode(request.getBody(),
                    SubscriptionGroupConfig.class);
                if (config.getGroupName() == null || config.getGroupName().isBlank()) {
                    return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "groupName is blank");
                }
                groups.update(config);
                return RemotingCommand.response(ResponseCode.SUCCESS, null);
            }
            case RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG -> {
                return RemotingCommand.response(ResponseCode.SUCCESS, null)
                    .setBody(RemotingJson.encode(groups.snapshot()));
            }
            case RequestCode.DELETE_SUBSCRIPTIONGROUP -> {
                DeleteSubscriptionGroupRequestHeader h =
                    request.decodeHeader(DeleteSubscriptionGroupRequestHeader.class);
                groups.delete(h.groupName());
                if (Boolean.TRUE.equals(h.removeOffset())) {
                    offsets.removeGroup(h.groupName());
                }
                return RemotingCommand.response(ResponseCode.SUCCESS, null);
            }
            default -> throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        }
    }
}

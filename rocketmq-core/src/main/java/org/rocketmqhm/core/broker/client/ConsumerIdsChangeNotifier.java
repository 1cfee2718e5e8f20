package org.rocketmqhm.core.broker.client;

import io.netty.channel.Channel;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupConfig;
import org.rocketmqhm.core.protocol.header.ConsumerGroupRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.util.function.BiConsumer;

/**
 * Sends NOTIFY_CONSUMER_IDS_CHANGED (oneway, fire-and-forget) to every member of a group whose membership or
 * subscriptions changed, unless the group disabled it ({@code notifyConsumerIdsChangedEnable}). Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumerIdsChangeNotifier implements ConsumerRegistry.GroupChangeListener {

    private final BiConsumer<Channel, RemotingCommand> onewaySender;
    private final SubscriptionGroupManager groups;
    private final boolean enabled;

    /**
     * @param onewaySender writes a oneway request to a client channel
     * @param groups group settings
     * @param enabled the broker-wide switch
     */
    public ConsumerIdsChangeNotifier(BiConsumer<Channel, RemotingCommand> onewaySender,
                                     SubscriptionGroupManager groups, boolean enabled) {
        this.onewaySender = onewaySender;
        this.groups = groups;
        this.enabled = enabled;
    }

    @Override
    public void groupChanged(ConsumerGroupInfo group) {
        if (!enabled) {
            return;
        }
        SubscriptionGroupConfig config = groups.get(group.groupName());
        if (config != null && !config.isNotifyConsumerIdsChangedEnable()) {
            return;
        }
        for (ClientChannel member : group.members()) {
            RemotingCommand request = RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                new ConsumerGroupRequestHeader(group.groupName()));
            onewaySender.accept(member.channel(), request);
        }
    }
}

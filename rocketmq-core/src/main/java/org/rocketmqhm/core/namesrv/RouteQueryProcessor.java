package org.rocketmqhm.core.namesrv;

import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.TopicList;
import org.rocketmqhm.core.protocol.body.TopicRouteData;
import org.rocketmqhm.core.protocol.header.GetRouteInfoRequestHeader;
import org.rocketmqhm.core.protocol.header.GetTopicsByClusterRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

import java.util.Map;
import java.util.Set;

/**
 * Answers route questions: GET_ROUTEINFO_BY_TOPIC, GET_BROKER_CLUSTER_INFO and the topic lists. Routes are always
 * written as standard JSON, which every client version reads.
 *
 * @since 0.1.0
 */
public final class RouteQueryProcessor implements RequestProcessor {

    private final RouteInfoTable routes;
    private final KvConfigStore kvConfig;
    private final NamesrvConfig config;

    public RouteQueryProcessor(RouteInfoTable routes, KvConfigStore kvConfig, NamesrvConfig config) {
        this.routes = routes;
        this.kvConfig = kvConfig;
        this.config = config;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.GET_ROUTEINFO_BY_TOPIC -> route(request);
            case RequestCode.GET_BROKER_CLUSTER_INFO -> ok(request, routes.clusterInfo());
            case RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER -> ok(request, new TopicList(routes.allTopics(), null));
            case RequestCode.GET_TOPICS_BY_CLUSTER -> ok(request, new TopicList(routes.topicsOfCluster(
                request.decodeHeader(GetTopicsByClusterRequestHeader.class).cluster()), null));
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS -> {
                Map.Entry<Set<String>, String> system = routes.systemTopics();
                yield ok(request, new TopicList(system.getKey(), system.getValue()));
            }
            case RequestCode.GET_UNIT_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
                RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST -> ok(request, new TopicList(Set.of(), null));
            default -> throw new IllegalArgumentException("unexpected code " + request.getCode());
        };
    }

    private RemotingCommand route(RemotingCommand request) throws RemotingCommandException {
        String topic = request.decodeHeader(GetRouteInfoRequestHeader.class).topic();
        String orderConf = config.isOrderMessageEnable()
            ? kvConfig.get(BrokerRegistrationProcessor.ORDER_TOPIC_NAMESPACE, topic) : null;
        TopicRouteData route = routes.route(topic, orderConf);
        if (route == null) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                "No topic route info in name server for the topic: " + topic);
        }
        return ok(request, route);
    }

    private static RemotingCommand ok(RemotingCommand request, Object body) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).setBody(RemotingJson.encode(body));
    }
}

package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.acl.AclConfigBody;
import org.rocketmqhm.core.acl.PlainAccessConfig;
import org.rocketmqhm.core.acl.PlainAclConfig;
import org.rocketmqhm.core.acl.PlainAclStore;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.header.CreateAccessConfigRequestHeader;
import org.rocketmqhm.core.protocol.header.DeleteAccessConfigRequestHeader;
import org.rocketmqhm.core.protocol.header.GetBrokerAclConfigResponseHeader;
import org.rocketmqhm.core.protocol.header.UpdateGlobalWhiteAddrsConfigRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RemotingSysResponseCode;
import org.rocketmqhm.core.remoting.RequestProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plain-ACL admin requests, all served from {@code plain_acl.yml} through the {@link PlainAclStore}:
 * UPDATE_AND_CREATE_ACL_CONFIG (50, upsert one account; failures answer 209 with the reason),
 * DELETE_ACL_CONFIG (51, unknown key answers 210), GET_BROKER_CLUSTER_ACL_INFO (52, data versions in the response
 * header), UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53, failures answer 211) and GET_BROKER_CLUSTER_ACL_CONFIG (54, all
 * accounts and global white addresses as JSON body). With {@code aclEnable=false} there is no store and every code
 * answers {@code SYSTEM_ERROR}. Like Apache 4.9.x, these codes are not admin-only. Thread-safe.
 *
 * @since 0.3.0
 */
public final class AclAdminProcessor implements RequestProcessor {

    private final PlainAclStore store;
    private final String clusterName;
    private final String brokerName;
    private final String brokerAddr;

    /** @param store the ACL file, or null when ACL is disabled */
    public AclAdminProcessor(PlainAclStore store, String clusterName, String brokerName, String brokerAddr) {
        this.store = store;
        this.clusterName = clusterName;
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        if (store == null) {
            throw new RemotingCommandException(RemotingSysResponseCode.SYSTEM_ERROR,
                "ACL is not enabled on this broker (aclEnable=false)");
        }
        return switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_ACL_CONFIG -> update(request);
            case RequestCode.DELETE_ACL_CONFIG -> delete(request);
            case RequestCode.GET_BROKER_CLUSTER_ACL_INFO -> versionInfo();
            case RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG -> updateGlobalWhiteAddresses(request);
            default -> RemotingCommand.response(ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(body(store.config())));
        };
    }

    private RemotingCommand update(RemotingCommand request) throws RemotingCommandException {
        CreateAccessConfigRequestHeader h = request.decodeHeader(CreateAccessConfigRequestHeader.class);
        try {
            store.updateAccount(new PlainAccessConfig(h.accessKey(), h.secretKey(), h.whiteRemoteAddress(),
                h.admin(), h.defaultTopicPerm(), h.defaultGroupPerm(), split(h.topicPerms()), split(h.groupPerms())));
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        } catch (RuntimeException e) {
            return RemotingCommand.response(ResponseCode.UPDATE_AND_CREATE_ACL_CONFIG_FAILED, e.getMessage());
        }
    }

    private RemotingCommand delete(RemotingCommand request) throws RemotingCommandException {
        String accessKey = request.decodeHeader(DeleteAccessConfigRequestHeader.class).accessKey();
        try {
            if (store.deleteAccount(accessKey)) {
                return RemotingCommand.response(ResponseCode.SUCCESS, null);
            }
            return RemotingCommand.response(ResponseCode.DELETE_ACL_CONFIG_FAILED, "The accesskey[" + accessKey
                + "] corresponding to accessConfig has been deleted failed.");
        } catch (RuntimeException e) {
            return RemotingCommand.response(ResponseCode.DELETE_ACL_CONFIG_FAILED, e.getMessage());
        }
    }

    private RemotingCommand updateGlobalWhiteAddresses(RemotingCommand request) throws RemotingCommandException {
        String addrs = request.decodeHeader(UpdateGlobalWhiteAddrsConfigRequestHeader.class).globalWhiteAddrs();
        try {
            List<String> list = split(addrs);
            store.updateGlobalWhiteAddresses(list == null ? List.of() : list);
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        } catch (RuntimeException e) {
            return RemotingCommand.response(ResponseCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG_FAILED, e.getMessage());
        }
    }

    private RemotingCommand versionInfo() {
        String version = RemotingJson.toJson(store.dataVersion());
        String all = RemotingJson.toJson(Map.of(store.file().toAbsolutePath().toString(), store.dataVersion()));
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
            .writeHeader(new GetBrokerAclConfigResponseHeader(version, brokerName, brokerAddr, clusterName, all));
    }

    private static AclConfigBody body(PlainAclConfig config) {
        return new AclConfigBody(config.globalWhiteRemoteAddresses(), config.accounts());
    }

    /** @return the comma-separated items (trimmed, blanks dropped), or null when the value is absent */
    private static List<String> split(String joined) {
        if (joined == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String item : joined.split(",")) {
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
        return out;
    }
}

package org.rocketmqhm.core.acl;

import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RemotingSysResponseCode;
import org.rocketmqhm.core.remoting.RequestInterceptor;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;

/**
 * Enforces plain ACL on every incoming request the way Apache 4.9.x brokers with {@code aclEnable=true} do
 * (protocol §7.2), in this order: a peer matching a global white address passes; a missing or unknown
 * {@code AccessKey} is refused; a peer matching the account's white address passes; the HMAC-SHA1 signature is
 * recomputed and compared; trace sends pass; admin-only codes need an admin account; each needed resource needs
 * the account's explicit permission for it, or else its default topic/group permission (an admin without explicit
 * permissions passes). A refusal is answered {@code SYSTEM_ERROR} with the {@link AclException} text as remark,
 * like Apache. Runs on the processor executors, reads only the store's compiled snapshot. Thread-safe.
 *
 * @since 0.3.0
 */
public final class PlainAccessValidator implements RequestInterceptor {

    /** Clients up to this version sign {@code _UNIQUE_KEY_QUERY} but brokers leave it out (the 5.x rule). */
    private static final int UNIQUE_KEY_QUERY_SIGNED_SINCE = 400;
    private static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    private final PlainAclStore store;

    public PlainAccessValidator(PlainAclStore store) {
        this.store = store;
    }

    @Override
    public void beforeProcess(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        try {
            validate(peerIp(context.remoteSocketAddress()), request);
        } catch (AclException e) {
            throw new RemotingCommandException(RemotingSysResponseCode.SYSTEM_ERROR, e.toString());
        }
    }

    /**
     * @param ip the peer's IP, without port
     * @throws AclException when the request is refused
     */
    public void validate(String ip, RemotingCommand request) {
        AclRules rules = store.rules();
        if (rules.globallyWhite(ip)) {
            return;
        }
        Map<String, String> ext = request.getExtFields();
        String accessKey = ext == null ? null : ext.get(AclSigner.ACCESS_KEY);
        if (accessKey == null) {
            throw new AclException("No accessKey is configured");
        }
        AclAccount account = rules.account(accessKey);
        if (account == null) {
            throw new AclException("No acl config for " + accessKey);
        }
        if (account.whiteAddress().matches(ip)) {
            return;
        }
        String excluded = request.getVersion() < UNIQUE_KEY_QUERY_SIGNED_SINCE ? UNIQUE_KEY_QUERY : null;
        String signature = AclSigner.sign(account.key(), ext, excluded, request.getBody());
        if (!signature.equals(ext.get(AclSigner.SIGNATURE))) {
            throw new AclException("Check signature failed for accessKey=" + accessKey);
        }
        Map<String, Byte> needed = AclResources.needed(request);
        if (needed != null && Byte.valueOf(Permission.PUB).equals(needed.get(SystemTopics.TRACE_TOPIC))) {
            return;
        }
        checkPermissions(account, request.getCode(), needed);
    }

    private static void checkPermissions(AclAccount account, int code, Map<String, Byte> needed) {
        if (Permission.needsAdmin(code) && !account.admin()) {
            throw new AclException(String.format("Need admin permission for request code=%d, but accessKey=%s is not",
                code, account.accessKey()));
        }
        Map<String, Byte> owned = account.resourcePerms();
        if (needed == null || owned == null && account.admin()) {
            return;
        }
        for (Map.Entry<String, Byte> entry : needed.entrySet()) {
            String resource = entry.getKey();
            boolean group = SystemTopics.isRetryTopic(resource);
            Byte explicit = owned == null ? null : owned.get(resource);
            byte perm = explicit != null ? explicit : group ? account.defaultGroupPerm() : account.defaultTopicPerm();
            if (!Permission.grants(perm, entry.getValue())) {
                throw new AclException("No default permission for " + (group
                    ? "group:" + resource.substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length())
                    : "topic:" + resource));
            }
        }
    }

    private static String peerIp(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return AddressPattern.canonicalPeer(inet.getAddress().getHostAddress());
        }
        return null;
    }
}

package org.rocketmqhm.core.acl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled snapshot of {@code plain_acl.yml}: global white patterns and accounts by access key. Built once per
 * load or change and swapped atomically, so checks never parse anything. Immutable and thread-safe.
 *
 * @since 0.3.0
 */
public final class AclRules {

    /** No white address and no account. */
    public static final AclRules EMPTY = new AclRules(List.of(), Map.of());

    private final List<AddressPattern> globalWhiteAddresses;
    private final Map<String, AclAccount> accounts;

    private AclRules(List<AddressPattern> globalWhiteAddresses, Map<String, AclAccount> accounts) {
        this.globalWhiteAddresses = globalWhiteAddresses;
        this.accounts = accounts;
    }

    /**
     * @throws AclException when an account or address pattern is invalid
     */
    public static AclRules compile(PlainAclConfig config) {
        List<AddressPattern> global = new ArrayList<>();
        for (String pattern : config.globalWhiteRemoteAddresses()) {
            global.add(AddressPattern.parse(pattern));
        }
        Map<String, AclAccount> accounts = new HashMap<>();
        for (PlainAccessConfig account : config.accounts()) {
            accounts.put(account.accessKey(), AclAccount.compile(account));
        }
        return new AclRules(List.copyOf(global), Map.copyOf(accounts));
    }

    /** @return whether the peer IP matches a global white pattern */
    public boolean globallyWhite(String ip) {
        for (AddressPattern pattern : globalWhiteAddresses) {
            if (pattern.matches(ip)) {
                return true;
            }
        }
        return false;
    }

    /** @return the account, or null */
    public AclAccount account(String accessKey) {
        return accounts.get(accessKey);
    }
}

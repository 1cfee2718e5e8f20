package org.rocketmqhm.core.acl;

import org.rocketmqhm.core.protocol.body.DataVersion;

import java.util.List;

/**
 * The content of {@code plain_acl.yml}: global white addresses, accounts, and the data version the broker bumps on
 * every change it writes. Immutable.
 *
 * @param globalWhiteRemoteAddresses peers matching any of these patterns skip every check
 * @param accounts the accounts in file order
 * @param dataVersion version of the file's content
 * @since 0.3.0
 */
public record PlainAclConfig(List<String> globalWhiteRemoteAddresses, List<PlainAccessConfig> accounts,
                             DataVersion dataVersion) {

    public PlainAclConfig {
        globalWhiteRemoteAddresses = List.copyOf(globalWhiteRemoteAddresses);
        accounts = List.copyOf(accounts);
    }

    /** @return an empty configuration (no account: every signed request is refused) */
    public static PlainAclConfig empty() {
        return new PlainAclConfig(List.of(), List.of(), DataVersion.initial());
    }
}

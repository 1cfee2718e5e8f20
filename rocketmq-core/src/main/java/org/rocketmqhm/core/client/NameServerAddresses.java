package org.rocketmqhm.core.client;

import java.util.regex.Pattern;

/**
 * Name-server address forms Apache 4.9 clients accept besides {@code host:port;host:port}: an optional
 * {@code scheme://} prefix, and cloud instance endpoints {@code [scheme://]MQ_INST_<a>_<b>.<domain>:port} whose
 * instance id ({@code MQ_INST_<a>_<b>}) becomes the default namespace. Stateless.
 *
 * @since 0.2.0
 */
final class NameServerAddresses {

    private static final Pattern INSTANCE_ENDPOINT = Pattern.compile("^(\\w+://|)MQ_INST_\\w+_\\w+\\..*");

    private NameServerAddresses() {
    }

    /** @return the instance id of a cloud instance endpoint, else null */
    static String instanceId(String address) {
        if (address == null || !INSTANCE_ENDPOINT.matcher(address).matches()) {
            return null;
        }
        return address.substring(address.lastIndexOf('/') + 1, address.indexOf('.'));
    }

    /** @return the address without any {@code scheme://} prefix */
    static String withoutScheme(String address) {
        if (address == null) {
            return null;
        }
        int index = address.indexOf("://");
        return index >= 0 ? address.substring(address.lastIndexOf('/') + 1) : address;
    }
}

package org.rocketmqhm.core.acl;

/**
 * An ACL refusal or an invalid ACL configuration; the message is the text Apache 4.9.x brokers report
 * ({@code Check signature failed for accessKey=…}, {@code No acl config for …}, …).
 *
 * @since 0.3.0
 */
public class AclException extends RuntimeException {

    public AclException(String message) {
        super(message);
    }
}

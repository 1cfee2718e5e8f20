package org.rocketmqhm.core.remoting;

/**
 * A request that cannot be served: carries the response code and the remark to answer with.
 *
 * @since 0.1.0
 */
public class RemotingCommandException extends Exception {

    private final int responseCode;

    public RemotingCommandException(int responseCode, String remark) {
        super(remark);
        this.responseCode = responseCode;
    }

    public int responseCode() {
        return responseCode;
    }
}

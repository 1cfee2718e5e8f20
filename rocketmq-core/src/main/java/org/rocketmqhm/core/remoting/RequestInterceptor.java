package org.rocketmqhm.core.remoting;

/**
 * Sees every incoming request on the processor's executor thread, just before the processor runs, and may refuse
 * it (ACL validation). A refusal is answered with the exception's code and remark; the connection stays open.
 * Must be thread-safe and cheap: it runs for every request.
 *
 * @since 0.3.0
 */
@FunctionalInterface
public interface RequestInterceptor {

    /**
     * @param context the connection the request came in on
     * @param request the request about to be processed
     * @throws RemotingCommandException to refuse the request (its code and remark become the response)
     */
    void beforeProcess(RemotingContext context, RemotingCommand request) throws RemotingCommandException;
}

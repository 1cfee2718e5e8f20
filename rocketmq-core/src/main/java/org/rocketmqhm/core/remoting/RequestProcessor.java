package org.rocketmqhm.core.remoting;

/**
 * Serves one family of request codes. Runs on the executor it was registered with, never on a Netty I/O thread.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RequestProcessor {

    /**
     * @param context the connection and the request, and the way to answer later
     * @param request the decoded request
     * @return the response to write now, or {@code null} when the processor answers later through
     *     {@link RemotingContext#writeResponse} (long polling, group commit) or the request is oneway
     * @throws RemotingCommandException to answer with its code and remark
     * @throws Exception any other failure, answered as {@code SYSTEM_ERROR} with the exception as remark
     */
    RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception;
}

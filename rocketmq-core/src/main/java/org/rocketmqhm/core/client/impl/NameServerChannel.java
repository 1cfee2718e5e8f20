package org.rocketmqhm.core.client.impl;

import org.rocketmqhm.core.client.ClientException;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingException;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Talks to one name server at a time and moves to the next one (round robin) when a call fails on the network.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class NameServerChannel {

    private final NettyRemotingClient remoting;
    private final List<String> addresses;
    private final AtomicInteger current = new AtomicInteger();

    public NameServerChannel(NettyRemotingClient remoting, String addressList) {
        if (addressList == null || addressList.isBlank()) {
            throw new IllegalArgumentException("no name server address configured (namesrvAddr)");
        }
        this.remoting = remoting;
        this.addresses = Arrays.stream(addressList.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** @return the response of the first name server that answers */
    public RemotingCommand invoke(RemotingCommand request, long timeoutMillis) {
        RemotingException last = null;
        for (int i = 0; i < addresses.size(); i++) {
            int index = Math.floorMod(current.get(), addresses.size());
            String address = addresses.get(index);
            try {
                return remoting.invokeSync(address, copyOf(request, i), timeoutMillis);
            } catch (RemotingException e) {
                last = e;
                current.compareAndSet(index, index + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClientException("interrupted", e);
            }
        }
        throw new ClientException("no name server reachable in " + addresses, last);
    }

    private static RemotingCommand copyOf(RemotingCommand request, int attempt) {
        if (attempt == 0) {
            return request;
        }
        RemotingCommand copy = RemotingCommand.request(request.getCode());
        copy.setExtFields(request.getExtFields());
        copy.setBody(request.getBody());
        return copy;
    }

    public List<String> addresses() {
        return addresses;
    }
}

package org.rocketmqhm.core.remoting.netty;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three server TLS modes against plain and TLS clients, plus the RPC hook seeing every request. */
class TlsModeTests {

    private static final int ECHO = 9999;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<NettyRemotingServer> servers = new ArrayList<>();
    private final List<NettyRemotingClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(NettyRemotingClient::shutdown);
        servers.forEach(NettyRemotingServer::shutdown);
        executor.shutdownNow();
    }

    private String server(String mode) {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setTlsMode(mode);
        NettyRemotingServer server = new NettyRemotingServer("tls-" + mode, config);
        server.registerProcessor(ECHO, (context, request) ->
            RemotingCommand.responseTo(request, 0, request.ext("word")), executor);
        server.start();
        servers.add(server);
        return "127.0.0.1:" + server.localPort();
    }

    private NettyRemotingClient client(boolean tls) {
        NettyClientConfig config = new NettyClientConfig();
        config.setUseTls(tls);
        config.setTlsTestModeEnable(true);
        NettyRemotingClient client = new NettyRemotingClient(config);
        clients.add(client);
        return client;
    }

    private static String echo(NettyRemotingClient client, String address) throws Exception {
        return client.invokeSync(address, RemotingCommand.request(ECHO).putExt("word", "hi"), 5000).getRemark();
    }

    @Test
    void permissiveServesPlainAndTlsOnOnePort() throws Exception {
        String address = server("permissive");
        assertThat(echo(client(false), address)).isEqualTo("hi");
        assertThat(echo(client(true), address)).isEqualTo("hi");
    }

    @Test
    void enforcingClosesPlainConnections() throws Exception {
        String address = server("enforcing");
        assertThat(echo(client(true), address)).isEqualTo("hi");
        assertThatThrownBy(() -> echo(client(false), address)).isInstanceOf(RemotingException.class);
    }

    @Test
    void disabledServesPlainOnly() throws Exception {
        String address = server("disabled");
        assertThat(echo(client(false), address)).isEqualTo("hi");
        assertThatThrownBy(() -> echo(client(true), address)).isInstanceOf(RemotingException.class);
    }

    @Test
    void rpcHookSeesEveryOutgoingRequest() throws Exception {
        String address = server("disabled");
        NettyRemotingClient client = client(false);
        List<Integer> seen = new ArrayList<>();
        client.setRpcHook((remote, request) -> {
            seen.add(request.getCode());
            request.putExt("word", "hooked");
        });
        assertThat(echo(client, address)).isEqualTo("hooked");
        assertThat(seen).containsExactly(ECHO);
    }
}

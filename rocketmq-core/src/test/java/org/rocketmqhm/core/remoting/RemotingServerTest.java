package org.rocketmqhm.core.remoting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.header.QueueRequestHeader;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.rocketmqhm.core.remoting.netty.NettyRemotingServer;
import org.rocketmqhm.core.remoting.netty.NettyServerConfig;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemotingServerTest {

    private static final int ECHO = 9000;
    private static final int ONEWAY = 9001;
    private static final int SLOW = 9002;

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final CountDownLatch onewayReceived = new CountDownLatch(1);
    private NettyRemotingServer server;
    private NettyRemotingClient client;
    private String address;

    @BeforeEach
    void start() {
        server = new NettyRemotingServer("test", new NettyServerConfig());
        server.registerProcessor(ECHO, (context, request) -> {
            QueueRequestHeader header = request.decodeHeader(QueueRequestHeader.class);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .putExt("echo", header.topic() + "/" + header.queueId()).setBody(request.getBody());
        }, executor);
        server.registerProcessor(ONEWAY, (context, request) -> {
            onewayReceived.countDown();
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }, executor);
        server.registerProcessor(SLOW, (context, request) -> {
            executor.execute(() -> context.writeResponse(RemotingCommand.response(ResponseCode.SUCCESS, "later")));
            return null;
        }, executor);
        server.start();
        address = "127.0.0.1:" + server.localPort();
        client = new NettyRemotingClient(new NettyClientConfig());
    }

    @AfterEach
    void stop() {
        client.shutdown();
        server.shutdown();
        executor.shutdownNow();
    }

    private RemotingCommand echo(SerializeType type) throws Exception {
        RemotingCommand request = RemotingCommand.request(ECHO, new QueueRequestHeader("T", 2, null))
            .setSerializeType(type).setBody(new byte[] {1, 2, 3});
        return client.invokeSync(address, request, 3000);
    }

    @Test
    void answersInTheCallersSerialization() throws Exception {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand response = echo(type);
            assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(response.ext("echo")).isEqualTo("T/2");
            assertThat(response.getBody()).containsExactly(1, 2, 3);
            assertThat(response.getSerializeType()).isEqualTo(type);
        }
    }

    @Test
    void processorsMayAnswerLater() throws Exception {
        RemotingCommand response = client.invokeSync(address, RemotingCommand.request(SLOW), 3000);
        assertThat(response.getRemark()).isEqualTo("later");
    }

    @Test
    void onewayRequestsGetNoResponse() throws Exception {
        client.invokeOneway(address, RemotingCommand.request(ONEWAY), 3000);
        assertThat(onewayReceived.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void unknownCodeIsNotSupported() throws Exception {
        RemotingCommand response = client.invokeSync(address, RemotingCommand.request(4242), 3000);
        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertThat(response.getRemark()).contains("4242").contains("not supported");
        assertThat(echo(SerializeType.JSON).getCode()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void missingHeaderFieldIsNamedInTheRemark() throws Exception {
        RemotingCommand request = RemotingCommand.request(ECHO).putExt("topic", "T");
        RemotingCommand response = client.invokeSync(address, request, 3000);
        assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).contains("queueId");
    }

    @Test
    void malformedFrameClosesOnlyThatConnection() throws Exception {
        for (byte[] garbage : new byte[][] {
            {0x7f, 0x7f, 0x7f, 0x7f},                         // length far over the maximum
            {0, 0, 0, 8, 0, 0, 0, 50, 1, 2, 3, 4},            // header longer than the frame
            frame(0, "{not json".getBytes(StandardCharsets.UTF_8)),
            frame(7, new byte[] {1, 2}),                       // unknown serialization
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0}}) { // negative length
            try (Socket socket = new Socket("127.0.0.1", server.localPort())) {
                socket.setSoTimeout(5000);
                new DataOutputStream(socket.getOutputStream()).write(garbage);
                InputStream in = socket.getInputStream();
                assertThat(in.read()).as("server closes the connection").isEqualTo(-1);
            }
            assertThat(echo(SerializeType.JSON).getCode()).isEqualTo(ResponseCode.SUCCESS);
        }
    }

    @Test
    void rawJsonRequestGetsAWellFormedResponse() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.localPort())) {
            socket.setSoTimeout(5000);
            byte[] header = "{\"code\":4242,\"opaque\":77,\"flag\":0,\"language\":\"JAVA\",\"version\":409}"
                .getBytes(StandardCharsets.UTF_8);
            new DataOutputStream(socket.getOutputStream()).write(frame(0, header));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readInt();
            int headerWord = in.readInt();
            byte[] responseHeader = new byte[headerWord & 0xFFFFFF];
            in.readFully(responseHeader);
            String json = new String(responseHeader, StandardCharsets.UTF_8);
            assertThat(length).isEqualTo(4 + responseHeader.length);
            assertThat(json).contains("\"code\":3").contains("\"opaque\":77").contains("\"flag\":1");
        }
    }

    @Test
    void timesOutWhenNobodyAnswers() {
        server.registerProcessor(ECHO, (context, request) -> null, executor);
        assertThatThrownBy(() -> echo(SerializeType.JSON)).isInstanceOf(RemotingException.class)
            .hasMessageContaining("timed out");
    }

    private static byte[] frame(int type, byte[] header) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 + header.length);
        buf.putInt(4 + header.length).putInt((type << 24) | header.length).put(header);
        return buf.array();
    }
}

package org.rocketmqhm.core.remoting;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the server and the client share: requests are dispatched by code to processors on their own executors,
 * responses complete the pending invocation with the same opaque, and requests can be sent over any channel
 * (servers call clients back over the clients' own connections). Thread-safe.
 *
 * @since 0.1.0
 */
public abstract class RemotingEndpoint {

    private static final Logger log = LoggerFactory.getLogger(RemotingEndpoint.class);

    private final Map<Integer, Binding> processors = new ConcurrentHashMap<>();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private volatile Binding defaultProcessor;
    private volatile ChannelEventListener channelEventListener;
    private volatile RpcHook rpcHook;
    private volatile RequestInterceptor requestInterceptor;

    private final ChannelHandler commandHandler = new CommandHandler();
    private final ChannelHandler connectionHandler = new ConnectionHandler();

    /** Serves {@code code} with the processor on the executor. */
    public void registerProcessor(int code, RequestProcessor processor, Executor executor) {
        processors.put(code, new Binding(processor, executor));
    }

    /** Serves every code without its own processor. */
    public void registerDefaultProcessor(RequestProcessor processor, Executor executor) {
        defaultProcessor = new Binding(processor, executor);
    }

    public void setChannelEventListener(ChannelEventListener listener) {
        this.channelEventListener = listener;
    }

    /** @param hook runs on every outgoing request (e.g. ACL signing); null for none */
    public void setRpcHook(RpcHook hook) {
        this.rpcHook = hook;
    }

    /** @param interceptor sees (and may refuse) every incoming request before its processor; null for none */
    public void setRequestInterceptor(RequestInterceptor interceptor) {
        this.requestInterceptor = interceptor;
    }

    private void beforeRequest(Channel channel, RemotingCommand request) {
        RpcHook hook = rpcHook;
        if (hook != null) {
            hook.beforeRequest(RemotingAddresses.toAddress(channel.remoteAddress()), request);
        }
    }

    protected ChannelHandler commandHandler() {
        return commandHandler;
    }

    protected ChannelHandler connectionHandler() {
        return connectionHandler;
    }

    /** Sends a request and completes with the response, or fails with a {@link RemotingException}. */
    public CompletableFuture<RemotingCommand> invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis) {
        beforeRequest(channel, request);
        CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        int opaque = request.getOpaque();
        pending.put(opaque, new Pending(channel, future));
        future.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((response, error) -> pending.remove(opaque));
        channel.writeAndFlush(request).addListener(written -> {
            if (!written.isSuccess()) {
                future.completeExceptionally(new RemotingException(RemotingException.Kind.SEND,
                    "send request to " + RemotingAddresses.toAddress(channel.remoteAddress()) + " failed",
                    written.cause()));
            }
        });
        return future.handle((response, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(response);
            }
            return CompletableFuture.<RemotingCommand>failedFuture(translate(error, channel, timeoutMillis));
        }).thenCompose(f -> f);
    }

    /** Sends a request and waits for its response. Must not be called on a Netty I/O thread. */
    public RemotingCommand invokeSync(Channel channel, RemotingCommand request, long timeoutMillis)
        throws RemotingException, InterruptedException {
        try {
            return invokeAsync(channel, request, timeoutMillis).get(timeoutMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (RemotingException) translate(e.getCause(), channel, timeoutMillis);
        } catch (TimeoutException e) {
            throw new RemotingException(RemotingException.Kind.TIMEOUT, "wait response from "
                + RemotingAddresses.toAddress(channel.remoteAddress()) + " timed out after " + timeoutMillis + " ms");
        }
    }

    /** Sends a request that expects no response; completes when written. */
    public CompletableFuture<Void> invokeOneway(Channel channel, RemotingCommand request) {
        request.markOneway();
        beforeRequest(channel, request);
        CompletableFuture<Void> future = new CompletableFuture<>();
        channel.writeAndFlush(request).addListener(written -> {
            if (written.isSuccess()) {
                future.complete(null);
            } else {
                future.completeExceptionally(new RemotingException(RemotingException.Kind.SEND,
                    "send oneway request failed", written.cause()));
            }
        });
        return future;
    }

    private static Throwable translate(Throwable error, Channel channel, long timeoutMillis) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause() : error;
        if (cause instanceof RemotingException) {
            return cause;
        }
        String peer = RemotingAddresses.toAddress(channel.remoteAddress());
        if (cause instanceof TimeoutException) {
            return new RemotingException(RemotingException.Kind.TIMEOUT,
                "wait response from " + peer + " timed out after " + timeoutMillis + " ms");
        }
        return new RemotingException(RemotingException.Kind.SEND, "request to " + peer + " failed", cause);
    }

    private void onRequest(Channel channel, RemotingCommand request) {
        Binding binding = processors.getOrDefault(request.getCode(), defaultProcessor);
        RemotingContext context = new RemotingContext(channel, request);
        if (binding == null) {
            writeError(context, RemotingSysResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported", true);
            return;
        }
        try {
            binding.executor.execute(() -> runProcessor(binding.processor, context));
        } catch (RejectedExecutionException e) {
            writeError(context, RemotingSysResponseCode.SYSTEM_BUSY,
                "[OVERLOAD]system busy, start flow control for a while", true);
        }
    }

    private void runProcessor(RequestProcessor processor, RemotingContext context) {
        RemotingCommand request = context.request();
        try {
            RequestInterceptor interceptor = requestInterceptor;
            if (interceptor != null) {
                interceptor.beforeProcess(context, request);
            }
            RemotingCommand response = processor.process(context, request);
            if (response != null) {
                context.writeResponse(response);
            }
        } catch (RemotingCommandException e) {
            writeError(context, e.responseCode(), e.getMessage(), false);
        } catch (Throwable e) {
            log.warn("processing request code {} from {} failed", request.getCode(), context.remoteAddress(), e);
            writeError(context, RemotingSysResponseCode.SYSTEM_ERROR, e.toString(), false);
        }
    }

    private static void writeError(RemotingContext context, int code, String remark, boolean evenIfOneway) {
        RemotingCommand request = context.request();
        if (request.isOneway() && !evenIfOneway) {
            return;
        }
        RemotingCommand response = RemotingCommand.response(code, remark);
        response.setOpaque(request.getOpaque());
        response.setSerializeType(request.getSerializeType());
        context.channel().writeAndFlush(response);
    }

    private void onResponse(RemotingCommand response) {
        Pending call = pending.remove(response.getOpaque());
        if (call == null) {
            if (response.getBodyBuf() != null) {
                response.getBodyBuf().release();
            }
            log.debug("dropping response with unknown opaque {}", response.getOpaque());
            return;
        }
        call.future.complete(response);
    }

    private void failPending(Channel channel) {
        pending.values().removeIf(call -> {
            if (call.channel == channel) {
                call.future.completeExceptionally(new RemotingException(RemotingException.Kind.CLOSED,
                    "connection to " + RemotingAddresses.toAddress(channel.remoteAddress()) + " closed"));
                return true;
            }
            return false;
        });
    }

    /** Called when a connection goes away, after pending calls on it have failed. */
    protected void onChannelClosed(Channel channel) {
    }

    private record Binding(RequestProcessor processor, Executor executor) {
    }

    private record Pending(Channel channel, CompletableFuture<RemotingCommand> future) {
    }

    @ChannelHandler.Sharable
    private final class CommandHandler extends SimpleChannelInboundHandler<RemotingCommand> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand command) {
            if (command.isResponse()) {
                onResponse(command);
            } else {
                onRequest(ctx.channel(), command);
            }
        }
    }

    @ChannelHandler.Sharable
    private final class ConnectionHandler extends ChannelDuplexHandler {
        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            ChannelEventListener listener = channelEventListener;
            if (listener != null) {
                listener.onChannelConnect(RemotingAddresses.toAddress(ctx.channel().remoteAddress()), ctx.channel());
            }
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            failPending(ctx.channel());
            onChannelClosed(ctx.channel());
            ChannelEventListener listener = channelEventListener;
            if (listener != null) {
                listener.onChannelClose(RemotingAddresses.toAddress(ctx.channel().remoteAddress()), ctx.channel());
            }
            super.channelInactive(ctx);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                log.info("closing idle connection {}", RemotingAddresses.toAddress(ctx.channel().remoteAddress()));
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.info("closing connection {}: {}", RemotingAddresses.toAddress(ctx.channel().remoteAddress()),
                cause.toString());
            ctx.close();
        }
    }
}

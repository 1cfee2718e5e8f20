package org.rocketmqhm.spring.autoconfigure;

import org.rocketmqhm.spring.annotation.MessageModel;
import org.rocketmqhm.spring.annotation.SelectorType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings under {@code rocketmq.*}: the name servers, the default producer behind {@code RocketMQTemplate}, the
 * defaults of {@code @RocketMQMessageListener} containers and the pull consumer behind {@code receive}. Key names and
 * defaults follow Apache's rocketmq-spring-boot-starter so that existing configuration keeps working.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("rocketmq")
public class RocketMQProperties {

    /** Name server addresses, "host:port" separated by ';'. Setting it activates the auto-configuration. */
    private String nameServer;

    /** Access channel, LOCAL (default) or CLOUD, of every client the starter creates. */
    private String accessChannel;

    /** Default producer used by RocketMQTemplate. */
    private final Producer producer = new Producer();

    /** Defaults of listener containers and per group/topic switches. */
    private final Consumer consumer = new Consumer();

    /** Pull consumer used by RocketMQTemplate#receive. */
    private final PullConsumer pullConsumer = new PullConsumer();

    public String getNameServer() {
        return nameServer;
    }

    public void setNameServer(String nameServer) {
        this.nameServer = nameServer;
    }

    public String getAccessChannel() {
        return accessChannel;
    }

    public void setAccessChannel(String accessChannel) {
        this.accessChannel = accessChannel;
    }

    public Producer getProducer() {
        return producer;
    }

    public Consumer getConsumer() {
        return consumer;
    }

    public PullConsumer getPullConsumer() {
        return pullConsumer;
    }

    /** Producer settings. */
    public static class Producer {

        /** Producer group; defaults to spring.application.name. */
        private String group;

        /** Namespace prefixed to topics and the group ("namespace%topic"). */
        private String namespace;

        /** Time a synchronous send may take; a bare number is read as milliseconds. */
        @DurationUnit(ChronoUnit.MILLIS)
        private Duration sendMessageTimeout = Duration.ofMillis(3000);

        /** Body size in bytes from which bodies are zlib-compressed. */
        private int compressMessageBodyThreshold = 4096;

        /** Retries of a failed synchronous send, each on another broker when possible. */
        private int retryTimesWhenSendFailed = 2;

        /** Retries of a failed asynchronous send. */
        private int retryTimesWhenSendAsyncFailed = 2;

        /** Whether to retry on another broker when the broker answers with a store failure. */
        private boolean retryNextServer = false;

        /** Maximum body size in bytes; larger messages are rejected before sending. */
        private int maxMessageSize = 1024 * 1024 * 4;

        /** Access key for ACL-enabled brokers; with the secret key, every request is signed. */
        private String accessKey;

        /** Secret key for ACL-enabled brokers (HmacSHA1 request signatures). */
        private String secretKey;

        /** Whether sent messages record traces (Apache's format), shipped asynchronously to the trace topic. */
        private boolean enableMsgTrace = false;

        /** Topic receiving message traces. */
        private String customizedTraceTopic = "RMQ_SYS_TRACE_TOPIC";

        /** Whether to connect to the name servers and brokers with TLS. */
        private boolean tlsEnable = false;

        /** Client instance name; producers and consumers with the same name share connections. */
        private String instanceName;

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public String getNamespace() {
            return namespace;
        }

        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        public Duration getSendMessageTimeout() {
            return sendMessageTimeout;
        }

        public void setSendMessageTimeout(Duration sendMessageTimeout) {
            this.sendMessageTimeout = sendMessageTimeout;
        }

        public int getCompressMessageBodyThreshold() {
            return compressMessageBodyThreshold;
        }

        public void setCompressMessageBodyThreshold(int compressMessageBodyThreshold) {
            this.compressMessageBodyThreshold = compressMessageBodyThreshold;
        }

        public int getRetryTimesWhenSendFailed() {
            return retryTimesWhenSendFailed;
        }

        public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
            this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
        }

        public int getRetryTimesWhenSendAsyncFailed() {
            return retryTimesWhenSendAsyncFailed;
        }

        public void setRetryTimesWhenSendAsyncFailed(int retryTimesWhenSendAsyncFailed) {
            this.retryTimesWhenSendAsyncFailed = retryTimesWhenSendAsyncFailed;
        }

        public boolean isRetryNextServer() {
            return retryNextServer;
        }

        public void setRetryNextServer(boolean retryNextServer) {
            this.retryNextServer = retryNextServer;
        }

        public int getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(int maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public boolean isEnableMsgTrace() {
            return enableMsgTrace;
        }

        public void setEnableMsgTrace(boolean enableMsgTrace) {
            this.enableMsgTrace = enableMsgTrace;
        }

        public String getCustomizedTraceTopic() {
            return customizedTraceTopic;
        }

        public void setCustomizedTraceTopic(String customizedTraceTopic) {
            this.customizedTraceTopic = customizedTraceTopic;
        }

        public boolean isTlsEnable() {
            return tlsEnable;
        }

        public void setTlsEnable(boolean tlsEnable) {
            this.tlsEnable = tlsEnable;
        }

        public String getInstanceName() {
            return instanceName;
        }

        public void setInstanceName(String instanceName) {
            this.instanceName = instanceName;
        }
    }

    /** Listener container defaults and switches. */
    public static class Consumer {

        /** Default consumer group (used by receive when rocketmq.pull-consumer.group is not set). */
        private String group;

        /** Default topic (used by receive when rocketmq.pull-consumer.topic is not set). */
        private String topic;

        /** Default selector type of the pull consumer fallback. */
        private SelectorType selectorType = SelectorType.TAG;

        /** Default selector expression of the pull consumer fallback. */
        private String selectorExpression = "*";

        /** Messages per pull. */
        private int pullBatchSize = 10;

        /** Namespace prefixed to listener topics and groups that set none. */
        private String namespace;

        /** Access key of listener containers (the annotation's default). */
        private String accessKey;

        /** Secret key of listener containers (the annotation's default). */
        private String secretKey;

        /** Trace topic of listener containers (the annotation's default). */
        private String customizedTraceTopic;

        /** Whether listener containers use TLS (in addition to listeners that set tlsEnable). */
        private boolean tlsEnable = false;

        /**
         * Listener switches: consumer group -> topic -> whether the listener of that group and topic is created.
         * Listeners not listed are enabled.
         */
        private Map<String, Map<String, Boolean>> listeners = new HashMap<>();

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public SelectorType getSelectorType() {
            return selectorType;
        }

        public void setSelectorType(SelectorType selectorType) {
            this.selectorType = selectorType;
        }

        public String getSelectorExpression() {
            return selectorExpression;
        }

        public void setSelectorExpression(String selectorExpression) {
            this.selectorExpression = selectorExpression;
        }

        public int getPullBatchSize() {
            return pullBatchSize;
        }

        public void setPullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
        }

        public String getNamespace() {
            return namespace;
        }

        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public String getCustomizedTraceTopic() {
            return customizedTraceTopic;
        }

        public void setCustomizedTraceTopic(String customizedTraceTopic) {
            this.customizedTraceTopic = customizedTraceTopic;
        }

        public boolean isTlsEnable() {
            return tlsEnable;
        }

        public void setTlsEnable(boolean tlsEnable) {
            this.tlsEnable = tlsEnable;
        }

        public Map<String, Map<String, Boolean>> getListeners() {
            return listeners;
        }

        public void setListeners(Map<String, Map<String, Boolean>> listeners) {
            this.listeners = listeners;
        }

        /**
         * @param group consumer group
         * @param topic topic
         * @return false only when the switch for this group and topic is explicitly off
         */
        public boolean isListenerEnabled(String group, String topic) {
            Map<String, Boolean> topics = listeners.get(group);
            return topics == null || !Boolean.FALSE.equals(topics.get(topic));
        }
    }

    /** Pull consumer settings for RocketMQTemplate#receive. */
    public static class PullConsumer {

        /** Consumer group; falls back to rocketmq.consumer.group. */
        private String group;

        /** Topic to pull; falls back to rocketmq.consumer.topic. */
        private String topic;

        /** Clustering or broadcasting. */
        private MessageModel messageModel = MessageModel.CLUSTERING;

        /** How the selector expression is interpreted. */
        private SelectorType selectorType = SelectorType.TAG;

        /** Tag or SQL92 expression. */
        private String selectorExpression = "*";

        /** Messages returned by one receive at most. */
        private int pullBatchSize = 10;

        /** Namespace prefixed to the topic and the group. */
        private String namespace;

        /** Access key for ACL-enabled brokers. */
        private String accessKey;

        /** Secret key for ACL-enabled brokers. */
        private String secretKey;

        /** Whether received messages record SubBefore/SubAfter traces (as Apache's lite pull consumer). */
        private boolean enableMsgTrace = false;

        /** Topic receiving message traces. */
        private String customizedTraceTopic = "RMQ_SYS_TRACE_TOPIC";

        /** Whether to use TLS. */
        private boolean tlsEnable = false;

        /** Client instance name. */
        private String instanceName;

        /** Time receive waits for messages when none is buffered. */
        private Duration pollTimeout = Duration.ofSeconds(5);

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public String getTopic() {
            return topic;
        }

        public void setTopic(String topic) {
            this.topic = topic;
        }

        public MessageModel getMessageModel() {
            return messageModel;
        }

        public void setMessageModel(MessageModel messageModel) {
            this.messageModel = messageModel;
        }

        public SelectorType getSelectorType() {
            return selectorType;
        }

        public void setSelectorType(SelectorType selectorType) {
            this.selectorType = selectorType;
        }

        public String getSelectorExpression() {
            return selectorExpression;
        }

        public void setSelectorExpression(String selectorExpression) {
            this.selectorExpression = selectorExpression;
        }

        public int getPullBatchSize() {
            return pullBatchSize;
        }

        public void setPullBatchSize(int pullBatchSize) {
            this.pullBatchSize = pullBatchSize;
        }

        public String getNamespace() {
            return namespace;
        }

        public void setNamespace(String namespace) {
            this.namespace = namespace;
        }

        public String getAccessKey() {
            return accessKey;
        }

        public void setAccessKey(String accessKey) {
            this.accessKey = accessKey;
        }

        public String getSecretKey() {
            return secretKey;
        }

        public void setSecretKey(String secretKey) {
            this.secretKey = secretKey;
        }

        public boolean isEnableMsgTrace() {
            return enableMsgTrace;
        }

        public void setEnableMsgTrace(boolean enableMsgTrace) {
            this.enableMsgTrace = enableMsgTrace;
        }

        public String getCustomizedTraceTopic() {
            return customizedTraceTopic;
        }

        public void setCustomizedTraceTopic(String customizedTraceTopic) {
            this.customizedTraceTopic = customizedTraceTopic;
        }

        public boolean isTlsEnable() {
            return tlsEnable;
        }

        public void setTlsEnable(boolean tlsEnable) {
            this.tlsEnable = tlsEnable;
        }

        public String getInstanceName() {
            return instanceName;
        }

        public void setInstanceName(String instanceName) {
            this.instanceName = instanceName;
        }

        public Duration getPollTimeout() {
            return pollTimeout;
        }

        public void setPollTimeout(Duration pollTimeout) {
            this.pollTimeout = pollTimeout;
        }
    }
}

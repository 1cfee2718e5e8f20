package org.rocketmqhm.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a pull-consumer group and topic are configured: {@code rocketmq.pull-consumer.group} (else
 * {@code rocketmq.consumer.group}) and {@code rocketmq.pull-consumer.topic} (else {@code rocketmq.consumer.topic}).
 *
 * @since 0.1.0
 */
final class OnPullConsumerCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment env = context.getEnvironment();
        boolean group = hasText(env, "rocketmq.pull-consumer.group") || hasText(env, "rocketmq.consumer.group");
        boolean topic = hasText(env, "rocketmq.pull-consumer.topic") || hasText(env, "rocketmq.consumer.topic");
        return group && topic ? ConditionOutcome.match("pull consumer group and topic are set")
            : ConditionOutcome.noMatch("rocketmq.pull-consumer.group/topic (or rocketmq.consumer.group/topic) unset");
    }

    private static boolean hasText(Environment env, String key) {
        return StringUtils.hasText(env.getProperty(key));
    }
}

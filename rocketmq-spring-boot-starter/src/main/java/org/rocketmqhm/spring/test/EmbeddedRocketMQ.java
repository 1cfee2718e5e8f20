package org.rocketmqhm.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts an in-process Rocketmq-Hm name server and broker on free ports for a Spring test class and points
 * {@code rocketmq.name-server} at them. The pair is shared by every test of the class (one per distinct
 * application context) and stopped when the context closes; data lives in a temporary folder deleted afterwards.
 * Requires {@code spring-test} (from {@code spring-boot-starter-test}).
 *
 * <pre>{@code
 * @SpringBootTest
 * @EmbeddedRocketMQ
 * class OrderFlowTests {
 *     @Autowired RocketMQTemplate template;
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedRocketMQ {

    /** @return the property set to the name server address */
    String nameServerProperty() default "rocketmq.name-server";

    /** @return whether the broker accepts SQL92 selectors */
    boolean enablePropertyFilter() default true;

    /** @return milliseconds between transaction check-backs (short, so that tests see them quickly) */
    long transactionCheckIntervalMillis() default 1000;

    /** @return delay levels of the broker; every level is one second by default so that delayed tests are quick */
    String messageDelayLevel() default "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";

    /**
     * @return extra broker or store settings as {@code key=value} by their Apache names, applied after the other
     *     attributes, e.g. {@code {"enablePropertyFilter=true", "messageDelayLevel=1s 1s 1s"}}; an unknown key fails
     *     the context
     */
    String[] brokerProperties() default {};
}

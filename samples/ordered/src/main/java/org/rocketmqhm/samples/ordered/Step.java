package org.rocketmqhm.samples.ordered;

/** The steps of an order, in the order they happen. */
public enum Step {
    CREATED, PAID, SHIPPED, DONE
}

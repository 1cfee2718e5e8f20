package org.rocketmqhm.samples.ordered;

/**
 * One step of one order, sent as JSON.
 *
 * @param orderId order id (also the ordering key)
 * @param step    the step reached
 */
public record OrderStep(String orderId, Step step) {
}

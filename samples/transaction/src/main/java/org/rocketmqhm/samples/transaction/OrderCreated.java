package org.rocketmqhm.samples.transaction;

/**
 * The "order created" event, sent as JSON to {@link OrderService#TOPIC}.
 *
 * @param orderId order id
 * @param amount  price in cents
 */
public record OrderCreated(String orderId, long amount) {
}

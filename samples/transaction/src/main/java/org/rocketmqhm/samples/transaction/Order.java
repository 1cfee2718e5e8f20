package org.rocketmqhm.samples.transaction;

/**
 * An order to place. The {@code orders} table only accepts positive amounts, so an order with
 * {@code amount <= 0} fails its local transaction and its message is rolled back.
 *
 * @param id     order id (primary key, and the message key)
 * @param item   what was ordered
 * @param amount price in cents
 */
public record Order(String id, String item, long amount) {
}

package org.rocketmqhm.samples.transaction;

import org.rocketmqhm.spring.annotation.RocketMQTransactionListener;
import org.rocketmqhm.spring.core.RocketMQLocalTransactionListener;
import org.rocketmqhm.spring.core.RocketMQLocalTransactionState;
import org.rocketmqhm.spring.support.RocketMQHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * The local transaction of {@link OrderService}: inserting the order row.
 * <ul>
 *   <li>{@link #executeLocalTransaction}: inserts the row; COMMIT when it was written, ROLLBACK when the database
 *       refused it, UNKNOWN on the slow path (the broker asks again later).</li>
 *   <li>{@link #checkLocalTransaction}: keeps no state in memory, it looks the order up in the {@code orders} table
 *       (row present: COMMIT, absent: ROLLBACK), so check-backs are answered correctly by any producer of the group,
 *       also after a restart.</li>
 * </ul>
 */
@Component
@RocketMQTransactionListener
public class OrderTransactionListener implements RocketMQLocalTransactionListener {

    private static final Logger log = LoggerFactory.getLogger(OrderTransactionListener.class);

    private final OrderRepository orders;

    public OrderTransactionListener(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public RocketMQLocalTransactionState executeLocalTransaction(Message<?> msg, Object arg) {
        OrderService.Placement placement = (OrderService.Placement) arg;
        Order order = placement.order();
        try {
            orders.insert(order);
        } catch (DataAccessException e) {
            log.info("order {} refused by the database, rolling back its message: {}", order.id(), e.getMessage());
            return RocketMQLocalTransactionState.ROLLBACK;
        }
        if (placement.path() == OrderService.PlacementPath.SLOW) {
            log.info("order {} written, outcome left to the broker's check-back", order.id());
            return RocketMQLocalTransactionState.UNKNOWN;
        }
        return RocketMQLocalTransactionState.COMMIT;
    }

    @Override
    public RocketMQLocalTransactionState checkLocalTransaction(Message<?> msg) {
        Object orderId = msg.getHeaders().get(RocketMQHeaders.prefixed(RocketMQHeaders.KEYS));
        boolean committed = orderId != null && orders.exists(orderId.toString());
        log.info("check-back for order {}: {}", orderId, committed ? "row present, COMMIT" : "no row, ROLLBACK");
        return committed ? RocketMQLocalTransactionState.COMMIT : RocketMQLocalTransactionState.ROLLBACK;
    }
}

package org.rocketmqhm.samples.transaction;

import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.core.TransactionSendResult;
import org.rocketmqhm.spring.support.RocketMQHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Places orders: the "order created" message is sent in a transaction, and {@link OrderTransactionListener} inserts
 * the order row as the local transaction. The message reaches consumers only if the row was committed.
 */
@Service
public class OrderService {

    /** Topic of the "order created" events. */
    public static final String TOPIC = "orders";

    private final RocketMQTemplate template;

    public OrderService(RocketMQTemplate template) {
        this.template = template;
    }

    /**
     * Places an order.
     *
     * @param order the order
     * @return the send result; its local transaction state is COMMIT, ROLLBACK, or UNKNOWN (decided by check-back)
     */
    public TransactionSendResult placeOrder(Order order) {
        return send(order, PlacementPath.NORMAL);
    }

    /**
     * Places an order on the "slow path": the row is written but the producer does not tell the broker the outcome
     * (as if it died right after the database commit). The broker checks the transaction back later, and the
     * answer comes from the {@code orders} table.
     *
     * @param order the order
     * @return the send result, with local transaction state UNKNOWN
     */
    public TransactionSendResult placeOrderSlowPath(Order order) {
        return send(order, PlacementPath.SLOW);
    }

    private TransactionSendResult send(Order order, PlacementPath path) {
        Message<OrderCreated> message = MessageBuilder.withPayload(new OrderCreated(order.id(), order.amount()))
            .setHeader(RocketMQHeaders.KEYS, order.id())   // the check-back finds the order by the message key
            .build();
        return template.sendMessageInTransaction(TOPIC, message, new Placement(order, path));
    }

    /** How the local transaction ends its work. */
    enum PlacementPath { NORMAL, SLOW }

    /** The argument handed to {@link OrderTransactionListener#executeLocalTransaction}. */
    record Placement(Order order, PlacementPath path) {
    }
}

package org.rocketmqhm.samples.transaction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code orders} table (see {@code schema.sql}) through Spring JDBC. */
@Repository
public class OrderRepository {

    private final JdbcTemplate jdbc;

    public OrderRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param order the order to insert
     * @throws org.springframework.dao.DataAccessException when the row is rejected (duplicate id, amount not positive)
     */
    public void insert(Order order) {
        jdbc.update("INSERT INTO orders (id, item, amount) VALUES (?, ?, ?)", order.id(), order.item(), order.amount());
    }

    /** @param orderId order id @return whether the order's row exists (its local transaction committed) */
    public boolean exists(String orderId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE id = ?", Integer.class, orderId);
        return count != null && count > 0;
    }
}

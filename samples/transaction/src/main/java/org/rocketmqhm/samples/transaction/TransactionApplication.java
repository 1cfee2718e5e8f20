package org.rocketmqhm.samples.transaction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Transactional messages: {@link OrderService} sends "order created" as a half message, {@link OrderTransactionListener}
 * writes the order row into the database as the local transaction and answers the broker's check-backs from the
 * {@code orders} table, {@link PaymentListener} only ever sees orders whose row was committed.
 * Start a name server and broker on 127.0.0.1:9876 (see application.yml), then run this class; the database is an
 * embedded H2 created from {@code schema.sql}.
 */
@SpringBootApplication
public class TransactionApplication {

    public static void main(String[] args) {
        SpringApplication.run(TransactionApplication.class, args);
    }
}

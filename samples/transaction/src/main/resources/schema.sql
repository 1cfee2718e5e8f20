CREATE TABLE IF NOT EXISTS orders (
    id     VARCHAR(64)  PRIMARY KEY,
    item   VARCHAR(255) NOT NULL,
    amount BIGINT       NOT NULL CHECK (amount > 0)
);

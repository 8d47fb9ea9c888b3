--liquibase formatted sql

--changeset orders-team:005-create-order-lines
CREATE TABLE order_lines (
    order_id   BIGINT        NOT NULL,
    line_no    INTEGER       NOT NULL,
    product_id BIGINT        NOT NULL,
    quantity   INTEGER       NOT NULL,
    unit_price DECIMAL(10,2) NOT NULL,
    CONSTRAINT pk_order_lines PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT fk_order_lines_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT ck_order_lines_quantity CHECK (quantity > 0)
);
CREATE INDEX idx_order_lines_product ON order_lines (product_id);
--rollback DROP TABLE order_lines;

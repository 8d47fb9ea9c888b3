-- The orders service's database unit tests. `mvn verify` runs them on the shadow after the changelog, each test in
-- a transaction that is rolled back at its end. A test passes when its last query returns no rows; a statement after
-- `-- expect error: text` must fail with that text in the database's message.

-- test: order_totals sums quantity times unit price per order
INSERT INTO customers (id, email, full_name) VALUES (9001, 'ada@example.com', 'Ada Lovelace');
INSERT INTO products (id, sku, name, price) VALUES (9101, 'BOOK-1', 'Notes on the Engine', 12.50);
INSERT INTO products (id, sku, name, price) VALUES (9102, 'PEN-1', 'Pen', 1.25);
INSERT INTO orders (id, customer_id) VALUES (9201, 9001);
INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price) VALUES (9201, 1, 9101, 2, 12.50);
INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price) VALUES (9201, 2, 9102, 4, 1.25);
-- the rows that are wrong: none
SELECT order_id, total FROM order_totals WHERE order_id = 9201 AND total <> 30.00
UNION ALL
SELECT 9201, NULL FROM customers WHERE id = 9001 AND NOT EXISTS (SELECT 1 FROM order_totals WHERE order_id = 9201);

-- test: an order without lines has no total
INSERT INTO customers (id, email, full_name) VALUES (9002, 'grace@example.com', 'Grace Hopper');
INSERT INTO orders (id, customer_id) VALUES (9202, 9002);
SELECT order_id, total FROM order_totals WHERE order_id = 9202;

-- test: a new order starts as NEW, a known status
INSERT INTO customers (id, email, full_name) VALUES (9003, 'edsger@example.com', 'Edsger Dijkstra');
INSERT INTO orders (id, customer_id) VALUES (9203, 9003);
SELECT o.id, o.status FROM orders o LEFT JOIN order_status s ON s.code = o.status
WHERE o.id = 9203 AND (o.status <> 'NEW' OR s.code IS NULL);

-- test: an order line needs a positive quantity (ck_order_lines_quantity)
INSERT INTO customers (id, email, full_name) VALUES (9004, 'barbara@example.com', 'Barbara Liskov');
INSERT INTO products (id, sku, name, price) VALUES (9103, 'CUP-1', 'Cup', 4.00);
INSERT INTO orders (id, customer_id) VALUES (9204, 9004);
-- expect error: ck_order_lines_quantity
INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price) VALUES (9204, 1, 9103, 0, 4.00);
-- a positive quantity is taken
INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price) VALUES (9204, 1, 9103, 1, 4.00);
SELECT order_id FROM order_lines WHERE order_id = 9204 AND quantity <= 0;

-- test: an order's status must be a known one
INSERT INTO customers (id, email, full_name) VALUES (9005, 'alan@example.com', 'Alan Turing');
-- expect error: fk_orders_status
INSERT INTO orders (id, customer_id, status) VALUES (9205, 9005, 'LOST');
SELECT id FROM orders WHERE id = 9205;

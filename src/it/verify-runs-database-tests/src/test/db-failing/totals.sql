-- test: a wrong expectation of the view
INSERT INTO customers (id, email, full_name) VALUES (1, 'ada@example.com', 'Ada');
INSERT INTO products (id, sku, name, price) VALUES (1, 'BOOK-1', 'Book', 10.00);
INSERT INTO orders (id, customer_id) VALUES (1, 1);
INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price) VALUES (1, 1, 1, 3, 10.00);
SELECT order_id, total FROM order_totals WHERE total <> 25.00;

-- test: a passing one
SELECT code FROM order_status WHERE code = 'NO SUCH STATUS';

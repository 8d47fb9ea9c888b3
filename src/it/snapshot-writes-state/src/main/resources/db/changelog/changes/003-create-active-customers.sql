--liquibase formatted sql

--changeset it:003-create-active-customers
CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE active = TRUE;

--liquibase formatted sql

--changeset it:002-archive-orders
-- order_archive is never created: this fails on the shadow database
INSERT INTO order_archive (id) SELECT id FROM orders;

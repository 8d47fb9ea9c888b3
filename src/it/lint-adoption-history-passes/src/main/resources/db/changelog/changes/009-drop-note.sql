--liquibase formatted sql

--changeset shop:2022-009-drop-note
ALTER TABLE purchase_orders DROP COLUMN note;
--rollback ALTER TABLE purchase_orders ADD COLUMN note VARCHAR(500);

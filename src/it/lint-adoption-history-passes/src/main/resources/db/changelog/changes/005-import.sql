--liquibase formatted sql

--changeset shop:2018-005-create-import
CREATE TABLE tmp_import (id INT PRIMARY KEY, payload VARCHAR(100));
--rollback DROP TABLE tmp_import;

--changeset shop:2018-005-drop-import
DROP TABLE tmp_import;
--rollback CREATE TABLE tmp_import (id INT PRIMARY KEY, payload VARCHAR(100));

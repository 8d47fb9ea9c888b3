-- an index the sqlFile creates
CREATE INDEX customers_email_idx ON customers (email);

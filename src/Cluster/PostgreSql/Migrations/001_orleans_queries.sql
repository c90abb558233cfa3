-- The statements Orleans' ADO.NET providers run, one row per query key. Each provider reads this table once, when it
-- starts, so a change here takes effect at the next start of every silo. The table and column names are unquoted
-- because the providers query them unquoted; later migrations add their rows.
CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

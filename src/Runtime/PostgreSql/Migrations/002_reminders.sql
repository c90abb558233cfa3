-- Durable reminders: the next due time, a period (0 for one-shot), and the claim of the silo delivering it.
CREATE SEQUENCE reminder_versions;

CREATE TABLE reminders (
    grain_type     text        NOT NULL,
    grain_key      text        NOT NULL,
    reminder_name  text        NOT NULL,
    first_due      timestamptz NOT NULL,
    period_us      bigint      NOT NULL CHECK (period_us >= 0),
    due_at         timestamptz NOT NULL,
    version        bigint      NOT NULL,
    claimed_by     text,
    claim_expires  timestamptz,
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);

CREATE INDEX reminders_due ON reminders (due_at);

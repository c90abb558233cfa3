-- The cluster: silos that announce themselves, and a fixed number of partitions leased to them.
-- Lease expiry is database time (now()), so silos never compare their own clocks.
CREATE TABLE cluster_settings (
    id               boolean PRIMARY KEY DEFAULT true CHECK (id),
    partition_count  integer NOT NULL CHECK (partition_count > 0)
);

CREATE TABLE silos (
    silo              text             PRIMARY KEY,
    address           text             NOT NULL,
    generation        bigint           NOT NULL,
    status            text             NOT NULL CHECK (status IN ('active', 'leaving', 'stopped')),
    started_at        timestamptz      NOT NULL,
    heartbeat         timestamptz      NOT NULL,
    activations       integer          NOT NULL DEFAULT 0,
    calls_per_second  double precision NOT NULL DEFAULT 0
);

CREATE TABLE partitions (
    partition   integer     PRIMARY KEY,
    owner       text,
    epoch       bigint      NOT NULL DEFAULT 0,
    expires_at  timestamptz NOT NULL DEFAULT '-infinity'
);

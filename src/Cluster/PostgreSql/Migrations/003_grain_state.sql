-- Grain state for Orleans' ADO.NET storage provider, one row per grain and state name. The payload is the state as
-- UTF-8 JSON (JsonGrainStateSerializer): no .NET type name is stored. The provider sends the key split into numbers
-- and text; the silo hands it keys of the form 'type/key' (TypedKeyGrainStorage), which always arrive whole as
-- grain_key. A row is written only by the version it was read at, and each write moves the version on by one.

CREATE TABLE grain_state (
    service_id      text        NOT NULL,
    state_name      text        NOT NULL,  -- the name in [PersistentState]: unique per grain class
    grain_key       text,                  -- 'type/key'
    grain_id_n0     bigint      NOT NULL,  -- the key as numbers, for integer and GUID keys; 0 for ours
    grain_id_n1     bigint      NOT NULL,
    grain_id_hash   integer     NOT NULL,  -- the provider's hashes, kept for reference: they are not unique
    grain_type_hash integer     NOT NULL,
    payload         bytea,                 -- NULL once the state was cleared
    version         integer     NOT NULL CHECK (version > 0),
    modified_at     timestamptz NOT NULL DEFAULT now()
);

-- One row per grain and state, whatever two silos do at once (PostgreSQL 15 for NULLS NOT DISTINCT).
CREATE UNIQUE INDEX grain_state_identity ON grain_state (service_id, state_name, grain_key, grain_id_n0, grain_id_n1) NULLS NOT DISTINCT;

-- For ops: every state as JSON.
CREATE VIEW grain_state_json AS
SELECT service_id, state_name, grain_key, version, modified_at, convert_from(payload, 'UTF8')::jsonb AS state
FROM grain_state;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS PayloadBinary, version AS Version
FROM grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString AND grain_key IS NOT DISTINCT FROM @GrainIdExtensionString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
$q$),
('WriteToStorageKey', $q$
WITH added AS (
    INSERT INTO grain_state (service_id, state_name, grain_key, grain_id_n0, grain_id_n1, grain_id_hash, grain_type_hash, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdExtensionString, @GrainIdN0, @GrainIdN1, @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version),
changed AS (
    UPDATE grain_state SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion
      AND service_id = @ServiceId AND state_name = @GrainTypeString AND grain_key IS NOT DISTINCT FROM @GrainIdExtensionString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
    RETURNING version)
SELECT version AS NewGrainStateVersion FROM added
UNION ALL
SELECT version FROM changed
$q$),
('ClearStorageKey', $q$
UPDATE grain_state SET payload = NULL, version = version + 1, modified_at = now()
WHERE version = @GrainStateVersion
  AND service_id = @ServiceId AND state_name = @GrainTypeString AND grain_key IS NOT DISTINCT FROM @GrainIdExtensionString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
RETURNING version
$q$),
('DeleteStorageKey', $q$
DELETE FROM grain_state
WHERE version = @GrainStateVersion
  AND service_id = @ServiceId AND state_name = @GrainTypeString AND grain_key IS NOT DISTINCT FROM @GrainIdExtensionString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
RETURNING version + 1
$q$);

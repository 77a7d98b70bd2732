-- Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant "Npgsql") on PostgreSQL.
--
-- The provider ships no SQL: at start-up it runs `SELECT QueryKey, QueryText FROM OrleansQuery` and then executes
-- only the texts it finds there, binding @Name parameters. It refuses to start unless every key below exists.
-- Safe to apply again: tables are created only when missing and the query rows are overwritten.
-- Apply it as one command (Npgsql then runs it as one implicit transaction, so the advisory lock below holds
-- until the end and two instances starting together cannot race on CREATE TABLE).
SELECT pg_advisory_xact_lock(hashtext('OrleansClusteringSchema'));

-- The provider's fixed query names this table and these columns unquoted, so they must fold to lower case.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  text PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per cluster (the provider calls it DeploymentId). Version is the optimistic-concurrency token of the
-- whole membership table: every status change must present the Version it read and bumps it by one.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersion
(
    DeploymentId text PRIMARY KEY,
    Version      integer NOT NULL DEFAULT 0,
    Timestamp    timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port and generation). Times are timestamptz because the provider binds
-- UTC DateTimes as DbType.DateTime, which Npgsql sends as timestamptz; plain timestamp would shift them by the
-- server's time zone. SiloName, HostName and ProxyPort are NOT NULL because the reader casts them without a null check.
CREATE TABLE IF NOT EXISTS OrleansMembership
(
    DeploymentId text NOT NULL REFERENCES OrleansMembershipVersion ON DELETE CASCADE,
    Address      text NOT NULL,
    Port         integer NOT NULL,
    Generation   integer NOT NULL,
    SiloName     text NOT NULL,
    HostName     text NOT NULL,
    Status       integer NOT NULL,  -- Orleans.Runtime.SiloStatus: 3 = Active, 6 = Dead
    ProxyPort    integer NOT NULL,  -- gateway port, 0 when the silo is no gateway
    SuspectTimes text NULL,         -- "silo,time|silo,time", written and parsed by the provider
    StartTime    timestamptz NOT NULL,
    IAmAliveTime timestamptz NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- Result columns are matched by name (case-insensitively by Npgsql). Queries answering yes/no must return exactly
-- one row with one boolean column.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Run by every silo at start; true only for the silo that created the cluster's version row.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansMembershipVersion (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1)
SELECT count(*) > 0 FROM created;
$q$),

-- Write-if-version-unchanged. FOR UPDATE makes a concurrent writer wait and then find the Version moved on;
-- the version is bumped only after the row really went in, so a false answer leaves the table untouched.
('InsertMembershipKey', $q$
WITH expected AS (
    SELECT DeploymentId FROM OrleansMembershipVersion
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE),
inserted AS (
    INSERT INTO OrleansMembership
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM expected
    ON CONFLICT DO NOTHING
    RETURNING DeploymentId),
bumped AS (
    UPDATE OrleansMembershipVersion v SET Version = v.Version + 1, Timestamp = now()
    FROM inserted WHERE v.DeploymentId = inserted.DeploymentId
    RETURNING 1)
SELECT count(*) = 1 FROM bumped;
$q$),

-- Same write-if-version-unchanged pattern. GREATEST keeps a late-arriving write from moving IAmAliveTime back.
('UpdateMembershipKey', $q$
WITH expected AS (
    SELECT DeploymentId FROM OrleansMembershipVersion
    WHERE DeploymentId = @DeploymentId AND Version = @Version
    FOR UPDATE),
updated AS (
    UPDATE OrleansMembership m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = GREATEST(m.IAmAliveTime, @IAmAliveTime)
    FROM expected
    WHERE m.DeploymentId = expected.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING m.DeploymentId),
bumped AS (
    UPDATE OrleansMembershipVersion v SET Version = v.Version + 1, Timestamp = now()
    FROM updated WHERE v.DeploymentId = updated.DeploymentId
    RETURNING 1)
SELECT count(*) = 1 FROM bumped;
$q$),

-- Heartbeat: deliberately outside the versioning, so it never conflicts with status changes.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembership SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
$q$),

-- The reads start from the version row so the provider always gets the Version, even with no silo rows;
-- a row whose StartTime is NULL means "no such silo".
('MembershipReadRowKey', $q$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM OrleansMembershipVersion v
LEFT JOIN OrleansMembership m ON m.DeploymentId = v.DeploymentId
     AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$),

('MembershipReadAllKey', $q$
SELECT v.Version, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime
FROM OrleansMembershipVersion v
LEFT JOIN OrleansMembership m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Clients' gateway list; the provider passes @Status = 3 (Active).
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation FROM OrleansMembership
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$q$),

-- Removing the version row removes the cluster's silo rows through ON DELETE CASCADE.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipVersion WHERE DeploymentId = @DeploymentId;
$q$),

-- Defunct-silo pruning. While CleanupDefunctSiloEntryKey exists the provider decides eligibility itself and
-- deletes row by row with it; this bulk form is only its fallback, but it must exist for the provider to start.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembership
WHERE DeploymentId = @DeploymentId AND Status = 6
  AND IAmAliveTime < @IAmAliveTime AND StartTime < @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = '';
$q$),

-- Deletes a dead row only if it still holds the values the provider judged, so a row changed meanwhile survives.
-- COALESCE because an empty suspect list is stored as '' but handed back to us as NULL.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembership
WHERE DeploymentId = @DeploymentId AND Status = 6
  AND Address = @Address AND Port = @Port AND Generation = @Generation
  AND StartTime = @StartTime AND IAmAliveTime = @IAmAliveTime
  AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$q$)

ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;

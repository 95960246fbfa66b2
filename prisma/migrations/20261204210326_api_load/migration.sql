-- CreateIndex
CREATE INDEX "Dataset_createdAt_id_idx" ON "Dataset"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Model_createdAt_id_idx" ON "Model"("createdAt", "id");

-- Authentication reads, in one statement, the presented token or session (ree.token_hash) with
-- the memberships of its user.
CREATE POLICY presented_credential ON "Membership" FOR SELECT USING (
  "userId" IN (
    SELECT "userId" FROM "ApiToken"
    WHERE "tokenHash" = current_setting('ree.token_hash', true) AND "revokedAt" IS NULL
    UNION ALL
    SELECT "userId" FROM "Session" WHERE "tokenHash" = current_setting('ree.token_hash', true)));

-- The worker's heartbeat watches the parts of every organisation, and a job names its part alone.
-- They connect as ree_worker, which these policies let read and renew parts, fail their runs and
-- log why, and nothing else: it is no superuser and cannot bypass row-level security. The role
-- is cluster-wide, so another database may have created it; ensureWorkerRole lets it log in.
DO $$
BEGIN
  CREATE ROLE ree_worker NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION
  -- Created meanwhile by the migration of another database in the same cluster.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

CREATE POLICY worker_parts ON "RunPart" TO ree_worker USING (true) WITH CHECK (true);
CREATE POLICY worker_read_runs ON "Run" FOR SELECT TO ree_worker USING (true);
CREATE POLICY worker_fail_runs ON "Run" FOR UPDATE TO ree_worker USING (true) WITH CHECK (true);
-- Prisma inserts with RETURNING, which also needs the new row to pass a SELECT policy.
CREATE POLICY worker_log_events ON "RunEvent" FOR INSERT TO ree_worker WITH CHECK (true);
CREATE POLICY worker_read_events ON "RunEvent" FOR SELECT TO ree_worker USING (true);

-- Unused: the worker reads a part's organisation as ree_worker.
DROP FUNCTION ree_run_organization(uuid);

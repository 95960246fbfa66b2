-- CreateEnum
CREATE TYPE "ShareAccess" AS ENUM ('READ', 'WRITE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "passwordHash" TEXT;

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "activeOrganizationId" UUID,
    "activeTeamId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Share" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "datasetId" UUID,
    "runId" UUID,
    "modelId" UUID,
    "granteeOrganizationId" UUID,
    "granteeTeamId" UUID,
    "access" "ShareAccess" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Share_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "userId" UUID,
    "action" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "Share_datasetId_idx" ON "Share"("datasetId");

-- CreateIndex
CREATE INDEX "Share_runId_idx" ON "Share"("runId");

-- CreateIndex
CREATE INDEX "Share_modelId_idx" ON "Share"("modelId");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_createdAt_idx" ON "AuditEvent"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_granteeOrganizationId_fkey" FOREIGN KEY ("granteeOrganizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Share" ADD CONSTRAINT "Share_granteeTeamId_fkey" FOREIGN KEY ("granteeTeamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security. The application connects as a role that owns no table, so these policies
-- apply to every query it makes. It names the caller in settings local to each transaction
-- (set_config(..., true)): ree.organization_id (the active organisation), ree.user_id,
-- ree.team_ids (comma-separated teams of the user in that organisation) and ree.token_hash (the
-- presented API token, only while authenticating). An unset setting matches no row.
CREATE FUNCTION ree_current_organization() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('ree.organization_id', true), '')::uuid
$$;

CREATE FUNCTION ree_current_user() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('ree.user_id', true), '')::uuid
$$;

CREATE FUNCTION ree_current_teams() RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(NULLIF(current_setting('ree.team_ids', true), ''), ',')::uuid[]
$$;

-- Whether a share's grantee is the caller: the active organisation, or a team of the user in it.
CREATE FUNCTION ree_is_grantee(organization uuid, team uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT organization = ree_current_organization() OR team = ANY (ree_current_teams())
$$;

-- Confines a table with an "organizationId" column to the active organisation, for reads and
-- writes. A migration that adds such a table calls it: SELECT ree_enable_tenant_isolation('"T"');
CREATE FUNCTION ree_enable_tenant_isolation(target regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
  EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', target);
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s '
    'USING ("organizationId" = ree_current_organization()) '
    'WITH CHECK ("organizationId" = ree_current_organization())',
    target);
END
$$;

-- Every table with an "organizationId" column, including those of earlier migrations.
DO $$
DECLARE
  target regclass;
BEGIN
  FOR target IN
    SELECT format('%I.%I', c.table_schema, c.table_name)::regclass
    FROM information_schema.columns c
    JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = current_schema()
      AND c.column_name = 'organizationId'
      AND t.table_type = 'BASE TABLE'
  LOOP
    PERFORM ree_enable_tenant_isolation(target);
  END LOOP;
END
$$;

-- Shares: the grantee reads them, as it reads what they grant.
CREATE POLICY grantee_read ON "Share" FOR SELECT
  USING (ree_is_grantee("granteeOrganizationId", "granteeTeamId"));

CREATE POLICY shared_read ON "Dataset" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."datasetId" = "Dataset"."id"
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId"))
  -- A shared run shows the data set it was trained on.
  OR EXISTS (SELECT 1 FROM "Run" r WHERE r."datasetId" = "Dataset"."id"
             AND r."organizationId" <> ree_current_organization()));
CREATE POLICY shared_update ON "Dataset" FOR UPDATE USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."datasetId" = "Dataset"."id" AND s."access" = 'WRITE'
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId")));
CREATE POLICY shared_delete ON "Dataset" FOR DELETE USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."datasetId" = "Dataset"."id" AND s."access" = 'WRITE'
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId")));

-- Samples follow their data set.
CREATE POLICY shared_read ON "Sample" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Dataset" d WHERE d."id" = "Sample"."datasetId"
          AND d."organizationId" <> ree_current_organization()));

CREATE POLICY shared_read ON "Run" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."runId" = "Run"."id"
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId")));
CREATE POLICY shared_update ON "Run" FOR UPDATE USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."runId" = "Run"."id" AND s."access" = 'WRITE'
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId")));
CREATE POLICY shared_delete ON "Run" FOR DELETE USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."runId" = "Run"."id" AND s."access" = 'WRITE'
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId")));

CREATE POLICY shared_read ON "Model" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."modelId" = "Model"."id"
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId"))
  -- A shared run shows the models it trained.
  OR EXISTS (SELECT 1 FROM "Run" r WHERE r."id" = "Model"."runId"
             AND r."organizationId" <> ree_current_organization()));
CREATE POLICY shared_update ON "Model" FOR UPDATE USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."modelId" = "Model"."id" AND s."access" = 'WRITE'
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId")));
CREATE POLICY shared_delete ON "Model" FOR DELETE USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."modelId" = "Model"."id" AND s."access" = 'WRITE'
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId")));

-- A user lists their own memberships and teams to choose the active organisation.
CREATE POLICY own_memberships ON "Membership" FOR SELECT USING ("userId" = ree_current_user());
CREATE POLICY member_teams ON "Team" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Membership" m WHERE m."teamId" = "Team"."id"
          AND m."userId" = ree_current_user()));

-- Authentication finds the token presented, and nothing else, before any organisation is active.
CREATE POLICY presented_token ON "ApiToken" FOR SELECT
  USING ("tokenHash" = current_setting('ree.token_hash', true));
CREATE POLICY presented_token_use ON "ApiToken" FOR UPDATE
  USING ("tokenHash" = current_setting('ree.token_hash', true));

-- The job worker learns the organisation of the run it executes, and nothing else, so that it
-- can act in that organisation.
CREATE FUNCTION ree_run_organization(run uuid) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT "organizationId" FROM "Run" WHERE "id" = run
$$;

-- Exactly one resource and one grantee per share.
ALTER TABLE "Share" ADD CONSTRAINT "Share_one_resource"
  CHECK (num_nonnulls("datasetId", "runId", "modelId") = 1);
ALTER TABLE "Share" ADD CONSTRAINT "Share_one_grantee"
  CHECK (num_nonnulls("granteeOrganizationId", "granteeTeamId") = 1);

-- A grantee with a WRITE share of a data set imports new versions of it. The version and its
-- samples belong to the data set's owner, like the data set, so these policies accept rows of
-- the owner's organisation, for exactly the data sets that the caller holds a WRITE share of.
-- SECURITY INVOKER: the caller reads only its own shares and the data sets they show it.
CREATE FUNCTION ree_may_write_dataset(dataset uuid, organization uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "Share" s JOIN "Dataset" d ON d."id" = s."datasetId"
    WHERE s."datasetId" = dataset AND d."organizationId" = organization AND s."access" = 'WRITE'
      AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId"))
$$;

-- The import inserts the version, then sets its sample count once the samples are in.
CREATE POLICY write_share_import ON "DatasetVersion" FOR INSERT
  WITH CHECK (ree_may_write_dataset("datasetId", "organizationId"));
CREATE POLICY write_share_import_count ON "DatasetVersion" FOR UPDATE
  USING (ree_may_write_dataset("datasetId", "organizationId"));

-- A sample must also name a version of its own data set.
CREATE POLICY write_share_import ON "Sample" FOR INSERT WITH CHECK (
  ree_may_write_dataset("datasetId", "organizationId")
  AND EXISTS (SELECT 1 FROM "DatasetVersion" v
              WHERE v."id" = "Sample"."versionId" AND v."datasetId" = "Sample"."datasetId"));

-- A change through a WRITE share enters the owner's audit log too. CASE fixes the order, so
-- that only a resource id of the right type is cast to uuid.
CREATE POLICY write_share_audit ON "AuditEvent" FOR INSERT WITH CHECK (
  CASE
    WHEN "resourceId" !~ '^[0-9a-fA-F-]{36}$' THEN false
    WHEN "resourceType" = 'DATASET' THEN ree_may_write_dataset("resourceId"::uuid, "organizationId")
    WHEN "resourceType" = 'RUN' THEN EXISTS (
      SELECT 1 FROM "Share" s JOIN "Run" r ON r."id" = s."runId"
      WHERE s."runId" = "resourceId"::uuid AND r."organizationId" = "AuditEvent"."organizationId"
        AND s."access" = 'WRITE'
        AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId"))
    ELSE false
  END);

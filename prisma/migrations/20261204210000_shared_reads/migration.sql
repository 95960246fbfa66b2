-- A shared run shows its data set only when the run belongs to the data set's owner. A run that
-- one organisation started on a data set shared with it thus never passes that data set on: the
-- grantee cannot share it further by sharing the run, and it keeps seeing the data set only
-- while its own share lasts.
DROP POLICY shared_read ON "Dataset";
CREATE POLICY shared_read ON "Dataset" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."datasetId" = "Dataset"."id"
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId"))
  OR EXISTS (SELECT 1 FROM "Run" r WHERE r."datasetId" = "Dataset"."id"
             AND r."organizationId" = "Dataset"."organizationId"
             AND r."organizationId" <> ree_current_organization()));

-- Versions follow their data set, as samples do: a shared data set exports, and seeds runs,
-- with the version its owner imported.
CREATE POLICY shared_read ON "DatasetVersion" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Dataset" d WHERE d."id" = "DatasetVersion"."datasetId"
          AND d."organizationId" <> ree_current_organization()));

-- The log and the parts of a shared run follow the run, so that its page reads as its owner's.
CREATE POLICY shared_read ON "RunEvent" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Run" r WHERE r."id" = "RunEvent"."runId"
          AND r."organizationId" <> ree_current_organization()));
CREATE POLICY shared_read ON "RunPart" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Run" r WHERE r."id" = "RunPart"."runId"
          AND r."organizationId" <> ree_current_organization()));

-- A grantee with WRITE access cancels the run; the cancellation enters the run's own log.
CREATE POLICY shared_write ON "RunEvent" FOR INSERT WITH CHECK (
  EXISTS (SELECT 1 FROM "Share" s WHERE s."runId" = "RunEvent"."runId" AND s."access" = 'WRITE'
          AND ree_is_grantee(s."granteeOrganizationId", s."granteeTeamId")));

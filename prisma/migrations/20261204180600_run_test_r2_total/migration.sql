-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "testR2Total" DOUBLE PRECISION;

-- Backfill: the best mean test R2 of the total REE over the stored model results.
UPDATE "Run" AS run
SET "testR2Total" = (
    SELECT max((metric -> 'r2' ->> 'mean')::DOUBLE PRECISION)
    FROM jsonb_array_elements(run."results" -> 'models') AS model,
         jsonb_array_elements(model -> 'metrics') AS metric
    WHERE metric ->> 'target' = 'REE_total_ppm_mol' AND metric ->> 'split' = 'TEST'
)
WHERE run."results" IS NOT NULL;

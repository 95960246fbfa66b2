-- AlterTable
ALTER TABLE "RunPart" ADD COLUMN     "units" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- Backfill: a selection run queued before this migration has one part, which runs every unit:
-- each repetition of a feature elimination, each cell of a grid search (6,400 for the study's
-- grid, which the config leaves out).
UPDATE "RunPart" AS part
SET "units" = ARRAY(SELECT generate_series(0, selection.count - 1))
FROM (
    SELECT id, CASE
        WHEN config ->> 'task' = 'FEATURE_ELIMINATION'
            THEN (config -> 'selection' ->> 'repetitions')::INTEGER
        ELSE coalesce(
            jsonb_array_length(config -> 'selection' -> 'grid' -> 'hiddenUnits')
                * jsonb_array_length(config -> 'selection' -> 'grid' -> 'learningRate')
                * jsonb_array_length(config -> 'selection' -> 'grid' -> 'weightDecay'),
            6400)
        END AS count
    FROM "Run"
    WHERE config ->> 'task' IN ('FEATURE_ELIMINATION', 'GRID_SEARCH')
) AS selection
WHERE part."runId" = selection.id;

export { createServer, type ApiServer, type ServerOptions } from "./server.js";
export { startWorker, type WorkerOptions } from "./jobs/startWorker.js";
export { migrateDatabase } from "./database.js";
export { createLogger, type Logger } from "./logger.js";
export { ensureDefaultOrganization } from "./services/defaultOrganization.js";
export { seedBundledDatasets } from "./seed/seedBundledDatasets.js";
export { seedStudyModels, STUDY_ENSEMBLE_NAME } from "./seed/seedStudyModels.js";
export { buildSchema } from "./schema.js";
export { importDataset, type ImportDatasetRequest } from "./services/importDataset.js";

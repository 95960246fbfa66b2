export { createServer, type ApiServer, type ServerOptions } from "./server.js";
export { startWorker, type RunWorker, type WorkerOptions } from "./jobs/startWorker.js";
export { readJobSettings, type JobSettings } from "./jobs/JobSettings.js";
export { migrateDatabase } from "./database.js";
export { createLogger, type Logger } from "./logger.js";
export { ensureDefaultOrganization } from "./services/defaultOrganization.js";
export { seedBundledDatasets } from "./seed/seedBundledDatasets.js";
export { seedStudyModels, STUDY_ENSEMBLE_NAME } from "./seed/seedStudyModels.js";
export { buildSchema } from "./schema.js";

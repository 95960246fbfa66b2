export * from "./types.js";
export * from "./dataset.documents.js";
export * from "./run.documents.js";
export * from "./model.documents.js";
export * from "./transfer.documents.js";
export * from "./comparison.documents.js";
export * from "./correlation.documents.js";
export * from "./runJobs.documents.js";

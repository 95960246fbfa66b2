export * from "./types.js";
export * from "./dataset.documents.js";
export * from "./run.documents.js";
export * from "./model.documents.js";
export * from "./tenancy.documents.js";

export * from "./enums.js";
export * from "./dataset.type.js";
export * from "./sample.type.js";
export * from "./run.type.js";
export * from "./modelResult.type.js";
export * from "./model.type.js";
export * from "./prediction.type.js";
export * from "./inputs.js";

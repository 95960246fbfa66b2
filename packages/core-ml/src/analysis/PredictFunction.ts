import type { ModelArtifact } from "../artifact/ModelArtifact.js";
import type { Matrix } from "../matrix/Matrix.js";

/** A model as a function from feature rows (n x features) to output rows (n x outputs). */
export type PredictFunction = (x: Matrix) => Matrix;

/**
 * A model that the analyses accept: one prediction function, or an ensemble whose members
 * are analysed one by one and then averaged.
 */
export type AnalysedModel = PredictFunction | ModelArtifact;

/**
 * Settings of the baselines. The study names the models of its supplement (random forest,
 * SVM, XGBoost) but not their settings, so every default is scikit-learn 1.3's, the
 * version the study used, for RandomForestRegressor, GradientBoostingRegressor and SVR.
 * Features and targets are z-scores of the training rows, so SVR's epsilon is in target
 * standard deviations.
 */
export interface RandomForestConfig {
  /** n_estimators. @default 100 */
  trees: number;
  /** max_depth; null grows each tree until its leaves are pure. @default null */
  maxDepth: number | null;
  /** min_samples_split. @default 2 */
  minSamplesSplit: number;
  /**
   * Share of the features that each tree may split on (max_features). ml-random-forest draws
   * them once per tree and scikit-learn at every split, so the two agree only at 1. @default 1
   */
  maxFeatures: number;
  /** Whether each tree trains on a bootstrap sample of the rows. @default true */
  bootstrap: boolean;
}

export interface GradientBoostingConfig {
  /** Boosting rounds (n_estimators). @default 100 */
  rounds: number;
  /** Shrinkage of each tree's output (learning_rate). @default 0.1 */
  learningRate: number;
  /** max_depth of each tree; 0 gives stumps that predict one value. @default 3 */
  maxDepth: number;
  /** min_samples_split. @default 2 */
  minSamplesSplit: number;
  /** Share of the rows, drawn without replacement, that each round fits. @default 1 */
  subsample: number;
}

export interface SvrConfig {
  /** @default "RBF" */
  kernel: "RBF" | "LINEAR";
  /** C, the penalty of errors beyond epsilon. @default 1 */
  cost: number;
  /** Half-width of the tube without loss, in target sd. @default 0.1 */
  epsilon: number;
  /** RBF gamma; null for scikit-learn's "scale", 1 / (features x variance of x). @default null */
  gamma: number | null;
  /** Stopping tolerance of the solver. @default 1e-3 */
  tolerance: number;
}

export interface BaselineConfig {
  randomForest: RandomForestConfig;
  gradientBoosting: GradientBoostingConfig;
  svr: SvrConfig;
}

export type PartialBaselineConfig = { [K in keyof BaselineConfig]?: Partial<BaselineConfig[K]> };

export const DEFAULT_BASELINES: Readonly<BaselineConfig> = {
  randomForest: { trees: 100, maxDepth: null, minSamplesSplit: 2, maxFeatures: 1, bootstrap: true },
  gradientBoosting: {
    rounds: 100,
    learningRate: 0.1,
    maxDepth: 3,
    minSamplesSplit: 2,
    subsample: 1,
  },
  svr: { kernel: "RBF", cost: 1, epsilon: 0.1, gamma: null, tolerance: 1e-3 },
};

/** Fills the baseline settings left out with the defaults and checks them. */
export function resolveBaselineConfig(partial: PartialBaselineConfig = {}): BaselineConfig {
  const config: BaselineConfig = {
    randomForest: { ...DEFAULT_BASELINES.randomForest, ...partial.randomForest },
    gradientBoosting: { ...DEFAULT_BASELINES.gradientBoosting, ...partial.gradientBoosting },
    svr: { ...DEFAULT_BASELINES.svr, ...partial.svr },
  };
  checkBaselines(config);

  return config;
}

function checkBaselines({ randomForest, gradientBoosting, svr }: BaselineConfig): void {
  checkInteger("baselines.randomForest.trees", randomForest.trees, 1);
  if (randomForest.maxDepth !== null) {
    checkInteger("baselines.randomForest.maxDepth", randomForest.maxDepth, 1);
  }

  checkInteger("baselines.randomForest.minSamplesSplit", randomForest.minSamplesSplit, 2);
  checkShare("baselines.randomForest.maxFeatures", randomForest.maxFeatures);
  checkInteger("baselines.gradientBoosting.rounds", gradientBoosting.rounds, 1);
  checkPositive("baselines.gradientBoosting.learningRate", gradientBoosting.learningRate);
  checkInteger("baselines.gradientBoosting.maxDepth", gradientBoosting.maxDepth, 0);
  checkInteger("baselines.gradientBoosting.minSamplesSplit", gradientBoosting.minSamplesSplit, 2);
  checkShare("baselines.gradientBoosting.subsample", gradientBoosting.subsample);
  if (svr.kernel !== "RBF" && svr.kernel !== "LINEAR") {
    throw new RangeError(`baselines.svr.kernel must be "RBF" or "LINEAR", got "${svr.kernel}"`);
  }

  checkPositive("baselines.svr.cost", svr.cost);
  checkPositive("baselines.svr.tolerance", svr.tolerance);
  if (!(svr.epsilon >= 0 && Number.isFinite(svr.epsilon))) {
    throw new RangeError(`baselines.svr.epsilon must be zero or more, got ${svr.epsilon}`);
  }

  if (svr.gamma !== null) {
    checkPositive("baselines.svr.gamma", svr.gamma);
  }
}

function checkInteger(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be an integer of at least ${minimum}, got ${value}`);
  }
}

function checkPositive(name: string, value: number): void {
  if (!(value > 0 && Number.isFinite(value))) {
    throw new RangeError(`${name} must be a positive number, got ${value}`);
  }
}

function checkShare(name: string, value: number): void {
  if (!(value > 0 && value <= 1)) {
    throw new RangeError(`${name} must be a share in (0, 1], got ${value}`);
  }
}

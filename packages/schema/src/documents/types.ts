/** Plain result shapes of the client operations, mirroring schema.graphql. */

export type ColumnRole = "FEATURE" | "TARGET" | "METADATA";
export type RunStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
export type ModelKind =
  "LINEAR" | "SINGLE_TASK" | "MULTI_TASK" | "RANDOM_FOREST" | "GRADIENT_BOOSTING" | "SVR";
export type SplitMethod = "STRATIFIED" | "RANDOM";
export type LossWeighting = "EQUAL" | "MEAN" | "CUSTOM";
export type DataSplit = "TRAIN" | "TEST";
export type AnalysisKind = "SHAP" | "FEATURE_EFFECTS" | "NOISE" | "SCREENING";
export type RunTask = "EVALUATION" | "FEATURE_ELIMINATION" | "GRID_SEARCH" | "TRANSFER";
export type SelectionModel = "LINEAR" | "NETWORK";
export type SelectionMetric = "MAPE" | "MAE_OVER_MEAN";

export interface DatasetColumn {
  name: string;
  role: ColumnRole;
  unit: string;
}

export interface ColumnStatistics {
  column: string;
  unit: string;
  count: number;
  p0: number;
  p20: number;
  p50: number;
  p80: number;
  p100: number;
  mean: number;
  sd: number | null;
}

export interface Sample {
  id: string;
  label: string;
  position: number;
  values: number[];
  metadata: Record<string, unknown>;
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface MetricSummary {
  mean: number | null;
  sd: number | null;
}

export interface TargetMetrics {
  target: string;
  split: DataSplit;
  r2: MetricSummary;
  mape: MetricSummary;
  maeOverMean: MetricSummary;
  rmse: MetricSummary;
}

export interface SamplePrediction {
  sampleLabel: string;
  repetition: number;
  split: DataSplit;
  measured: number;
  predicted: number;
}

export interface NetworkConfig {
  hiddenUnits: number[];
  learningRate: number;
  weightDecay: number;
  batchSize: number;
  epochs: number;
  lossWeighting: LossWeighting;
  /** Null in runs without CUSTOM weighting, and in runs stored before it existed. */
  lossWeights: number[] | null;
}

export interface HyperparameterGrid {
  hiddenUnits: number[][];
  learningRate: number[];
  weightDecay: number[];
}

export interface SelectionConfig {
  repetitions: number;
  model: SelectionModel;
  metric: SelectionMetric;
  validationFraction: number;
  grid: HyperparameterGrid | null;
}

export interface RunConfig {
  task: RunTask;
  features: string[];
  targets: string[];
  split: SplitMethod;
  testFraction: number;
  repetitions: number;
  seed: number;
  models: ModelKind[];
  network: NetworkConfig;
  analyses: AnalysisKind[];
  screeningThreshold: number | null;
  selection: SelectionConfig;
}

export interface RunProgress {
  fraction: number;
  repetition: number;
  repetitions: number;
  modelKind: ModelKind | null;
  epoch: number | null;
  epochs: number | null;
  message: string;
}

export interface TargetPrediction {
  target: string;
  value: number;
  sd: number | null;
  p5: number;
  p95: number;
}

export type DomainWarningKind = "RANGE" | "DISTANCE";
export type ThresholdSource = "MODEL" | "REQUEST";

export interface DomainWarning {
  kind: DomainWarningKind;
  message: string;
  feature: string | null;
  value: number | null;
  min: number | null;
  max: number | null;
  distance: number | null;
  maxDistance: number | null;
}

export interface ScreeningClass {
  target: string;
  threshold: number;
  thresholdSource: ThresholdSource;
  high: boolean;
  shareAbove: number;
}

export interface Prediction {
  label: string | null;
  total: TargetPrediction | null;
  targets: TargetPrediction[];
  screening: ScreeningClass | null;
  warnings: DomainWarning[];
}

export interface TargetColumn {
  target: string;
  value: number[];
  sd: (number | null)[];
  p5: number[];
  p95: number[];
}

export interface ScreeningColumn {
  target: string;
  threshold: number;
  thresholdSource: ThresholdSource;
  high: boolean[];
  shareAbove: number[];
}

export interface PredictionColumns {
  labels: (string | null)[];
  targets: TargetColumn[];
  screening: ScreeningColumn | null;
  warnings: DomainWarning[][];
}

export interface Model {
  id: string;
  name: string;
  kind: ModelKind;
  features: string[];
  featureUnit: string;
  targets: string[];
  targetUnit: string;
  memberCount: number;
  runId: string | null;
  isDefault: boolean;
  createdAt: string;
}

export interface FeatureRange {
  feature: string;
  min: number;
  max: number;
}

export interface TrainingDomainSummary {
  source: string;
  rows: number;
  ranges: FeatureRange[];
  maxDistance: number;
}

export interface ModelMetric {
  target: string;
  r2: number | null;
  mape: number | null;
}

/** A model with its format, training data, domain and export paths. */
export interface ModelDetail extends Model {
  formatVersion: number;
  datasetId: string | null;
  datasetName: string | null;
  domain: TrainingDomainSummary | null;
  screeningTarget: string | null;
  screeningThreshold: number | null;
  metrics: ModelMetric[];
  tfjsModelPaths: string[];
}

export interface MetricValue {
  value: number | null;
  reason: string | null;
}

export interface ShapResult {
  method: string;
  expectedValue: number;
  features: string[];
  importance: number[];
  samples: { sampleLabel: string; values: number[]; featureValues: number[] }[];
}

export interface FeatureEffect {
  feature: string;
  referenceValue: number;
  grid: number[];
  mean: number[];
  sd: (number | null)[];
}

export interface NoiseLevel {
  noisePercent: number;
  mean: number;
  sd: number;
  changes: number[];
}

export interface ScreeningResult {
  threshold: number;
  confusion: {
    truePositives: number;
    falsePositives: number;
    trueNegatives: number;
    falseNegatives: number;
  };
  iou: MetricValue;
  precision: MetricValue;
  recall: MetricValue;
  accuracy: MetricValue;
  averagePrecision: MetricValue;
  curve: { decisionThreshold: number; precision: MetricValue; recall: MetricValue }[];
}

export interface FeatureEliminationResult {
  features: string[];
  counts: number[];
  error: MetricSummary[];
  normalizedError: MetricSummary[];
  keptProbability: number[][];
  eliminationOrders: string[][];
}

export interface GridPoint {
  hiddenUnits: number[];
  learningRate: number;
  weightDecay: number;
  error: MetricSummary;
}

export interface GridSearchResult {
  points: GridPoint[];
  best: GridPoint;
  bestTestError: MetricSummary;
}

export type Role = "OWNER" | "EDITOR" | "VIEWER";

export interface OrganizationRef {
  id: string;
  slug: string;
  name: string;
}

export interface TeamRef {
  id: string;
  name: string;
}

export interface Viewer {
  userId: string;
  email: string;
  name: string;
  organization: OrganizationRef;
  team: TeamRef | null;
  role: Role;
  memberships: { organization: OrganizationRef; team: TeamRef | null; role: Role }[];
}

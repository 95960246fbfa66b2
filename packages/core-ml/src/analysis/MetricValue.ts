/** A metric that may be undefined for the data: `value` is null exactly when `reason` is set. */
export interface MetricValue {
  value: number | null;
  /** Explanation of an undefined metric: a sentence that names the offending value. */
  reason?: string;
}

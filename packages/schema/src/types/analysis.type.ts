import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "A metric that may be undefined, with the reason when it is." })
export class MetricValue {
  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => String, { nullable: true, description: "Why the value is null." })
  reason!: string | null;
}

@ObjectType({ description: "SHAP values of one sample for the total REE, in its unit." })
export class ShapSample {
  @Field(() => String)
  sampleLabel!: string;

  @Field(() => [Float], {
    description: "One value per feature, in the order of ShapResult.features.",
  })
  values!: number[];

  @Field(() => [Float], { description: "The sample's feature values, in mol %." })
  featureValues!: number[];
}

@ObjectType({
  description:
    "Interventional SHAP values of the total REE over all samples, with the samples as " +
    "background, averaged over the ensemble members.",
})
export class ShapResult {
  @Field(() => String, { description: '"exact" (coalition enumeration) or "permutation".' })
  method!: string;

  @Field(() => Float, { description: "Mean prediction over the background: the base value." })
  expectedValue!: number;

  @Field(() => [String])
  features!: string[];

  @Field(() => [Float], {
    description: "Sum of |SHAP| per feature over the samples, divided by the largest sum.",
  })
  importance!: number[];

  @Field(() => [ShapSample])
  samples!: ShapSample[];
}

@ObjectType({ description: "Predicted total REE along one feature, the others at their medians." })
export class FeatureEffect {
  @Field(() => String)
  feature!: string;

  @Field(() => Float, {
    description: "Median of the feature over the data, in mol %: its value while others vary.",
  })
  referenceValue!: number;

  @Field(() => [Float], { description: "Feature values from its 20th to 80th percentile, mol %." })
  grid!: number[];

  @Field(() => [Float], { description: "Mean prediction over the members at each grid value." })
  mean!: number[];

  @Field(() => [Float], {
    nullable: "items",
    description: "Sample sd over the members; null for a single member.",
  })
  sd!: (number | null)[];
}

@ObjectType({ description: "Change of the predicted total REE under Gaussian input noise." })
export class NoiseLevel {
  @Field(() => Float, { description: "Noise sd as a percentage of each input value." })
  noisePercent!: number;

  @Field(() => Float, { description: "Mean of the fitted normal distribution." })
  mean!: number;

  @Field(() => Float, { description: "Sd of the fitted normal distribution (maximum likelihood)." })
  sd!: number;

  @Field(() => [Float], { description: "Every change, one per sample and member." })
  changes!: number[];
}

@ObjectType({ description: 'Counts of a high/low screening with "high" as the positive class.' })
export class ConfusionMatrix {
  @Field(() => Int)
  truePositives!: number;

  @Field(() => Int)
  falsePositives!: number;

  @Field(() => Int)
  trueNegatives!: number;

  @Field(() => Int)
  falseNegatives!: number;
}

@ObjectType()
export class PrecisionRecallPoint {
  @Field(() => Float)
  decisionThreshold!: number;

  @Field(() => MetricValue)
  precision!: MetricValue;

  @Field(() => MetricValue)
  recall!: MetricValue;
}

@ObjectType({
  description:
    "High/low screening of the total REE on the pooled test predictions of all repetitions.",
})
export class ScreeningResult {
  @Field(() => Float, { description: "High/low threshold, in the unit of the total REE." })
  threshold!: number;

  @Field(() => ConfusionMatrix)
  confusion!: ConfusionMatrix;

  @Field(() => MetricValue, { description: "Intersection over union of the high class." })
  iou!: MetricValue;

  @Field(() => MetricValue)
  precision!: MetricValue;

  @Field(() => MetricValue)
  recall!: MetricValue;

  @Field(() => MetricValue)
  accuracy!: MetricValue;

  @Field(() => MetricValue)
  averagePrecision!: MetricValue;

  @Field(() => [PrecisionRecallPoint], { description: "From the highest decision threshold down." })
  curve!: PrecisionRecallPoint[];
}

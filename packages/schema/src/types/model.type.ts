import { Field, Float, ID, Int, ObjectType } from "type-graphql";

import { ModelMetric, TrainingDomainSummary } from "./domain.type.js";
import { ModelKind } from "./enums.js";

@ObjectType({ description: "A trained ensemble that predicts REE contents." })
export class Model {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ModelKind)
  kind!: ModelKind;

  @Field(() => [String], {
    description: 'Input columns in order, named <oxide>_mol_pct (e.g. "Al2O3_mol_pct").',
  })
  features!: string[];

  @Field(() => String)
  featureUnit!: string;

  @Field(() => [String], { description: 'Output columns in order, e.g. "REE_total_ppm_mol".' })
  targets!: string[];

  @Field(() => String)
  targetUnit!: string;

  @Field(() => Int, { description: "Members of the ensemble, one per repetition." })
  memberCount!: number;

  @Field(() => ID, {
    nullable: true,
    description: "The run that trained it; null for imported models.",
  })
  runId!: string | null;

  @Field(() => Boolean, {
    description: "Whether clients should offer this model first for predictions.",
  })
  isDefault!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Int, { description: 'Version of the "ree-workbench/model" format it is stored in.' })
  formatVersion!: number;

  @Field(() => ID, { nullable: true, description: "The data set it was trained on." })
  datasetId!: string | null;

  @Field(() => String, { nullable: true })
  datasetName!: string | null;

  @Field(() => TrainingDomainSummary, {
    nullable: true,
    description:
      "Null for models stored without a domain: their predictions carry no domain warnings.",
  })
  domain!: TrainingDomainSummary | null;

  @Field(() => String, { nullable: true, description: "Target of the default screening." })
  screeningTarget!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "Default screening threshold, in the target unit.",
  })
  screeningThreshold!: number | null;

  @Field(() => [ModelMetric], {
    description: "Test metrics recorded at training; empty for imported models.",
  })
  metrics!: ModelMetric[];

  @Field(() => [String], {
    description:
      "Paths, relative to the API origin, of each member's TensorFlow.js LayersModel " +
      "(model.json next to weights.bin), for tf.loadLayersModel.",
  })
  tfjsModelPaths!: string[];
}

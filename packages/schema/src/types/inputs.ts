import { ArgsType, Field, Float, ID, InputType, Int } from "type-graphql";

import { AnalysisKind, LossWeighting, ModelKind, RunTask, SplitMethod } from "./enums.js";
import { ImportColumnInput, ImportFileInput, ImportOptionsInput } from "./import.type.js";
import { SelectionConfigInput } from "./selection.type.js";
import { TransferConfigInput } from "./transfer.type.js";

@InputType()
export class ImportDatasetInput {
  @Field(() => String, {
    nullable: true,
    description: "Name of a new data set; left out when datasetId is given.",
  })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "CSV text with a header row, e.g. SiO2_mol_pct or SiO2 (wt%), La2O3_ppm_mol or " +
      "La (ppm), and a sample id column. Give csv, file or uploadId.",
  })
  csv?: string | null;

  @Field(() => ImportFileInput, { nullable: true, description: "A CSV or XLSX file." })
  file?: ImportFileInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A file sent to POST /uploads, by the id it returned: the way to import files larger " +
      "than a request may carry. The upload is deleted once imported.",
  })
  uploadId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Sheet of an uploaded XLSX file; default the first.",
  })
  sheet?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "A data set to import into: the file becomes its next version.",
  })
  datasetId?: string | null;

  @Field(() => ImportOptionsInput, { nullable: true })
  options?: ImportOptionsInput | null;

  @Field(() => [ImportColumnInput], {
    nullable: true,
    description: "The user's readings of columns, replacing the proposed ones.",
  })
  columns?: ImportColumnInput[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  source?: string | null;

  @Field(() => String, { nullable: true })
  license?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Decimal separator of the numbers: "." (default) or ",". Cells may be separated by ' +
      "commas, semicolons or tabs; the header row decides.",
  })
  decimalSeparator?: string | null;
}

@InputType({ description: "Network settings; every field left out takes the study's value." })
export class NetworkConfigInput {
  @Field(() => [Int], { nullable: true, description: "Default [20, 6]." })
  hiddenUnits?: number[] | null;

  @Field(() => Float, { nullable: true, description: "Default 10^-3.33." })
  learningRate?: number | null;

  @Field(() => Float, { nullable: true, description: "Default 1e-2." })
  weightDecay?: number | null;

  @Field(() => Int, { nullable: true, description: "Default 10." })
  batchSize?: number | null;

  @Field(() => Int, { nullable: true, description: "Default 500." })
  epochs?: number | null;

  @Field(() => LossWeighting, {
    nullable: true,
    description: "Default MEAN, or CUSTOM when lossWeights is given.",
  })
  lossWeighting?: LossWeighting | null;

  @Field(() => [Float], {
    nullable: true,
    description: "One positive weight per target, in target order, for CUSTOM weighting.",
  })
  lossWeights?: number[] | null;
}

@InputType({ description: "What to train and evaluate; every field left out takes its default." })
export class RunConfigInput {
  @Field(() => ID)
  datasetId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => RunTask, { nullable: true, description: "Default EVALUATION." })
  task?: RunTask | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Feature columns. Default: Al2O3 CaO Fe2O3 MgO TiO2 P2O5, as kept by the study; " +
      "for FEATURE_ELIMINATION, every feature column.",
  })
  features?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "Target columns. Default: the total REE, then every other target column.",
  })
  targets?: string[] | null;

  @Field(() => SplitMethod, { nullable: true, description: "Default STRATIFIED." })
  split?: SplitMethod | null;

  @Field(() => Float, { nullable: true, description: "Share of samples held out. Default 0.2." })
  testFraction?: number | null;

  @Field(() => Int, { nullable: true, description: "Default 30." })
  repetitions?: number | null;

  @Field(() => Int, { nullable: true, description: "Seed of splits and weights. Default 0." })
  seed?: number | null;

  @Field(() => [ModelKind], { nullable: true, description: "Default [LINEAR, MULTI_TASK]." })
  models?: ModelKind[] | null;

  @Field(() => NetworkConfigInput, { nullable: true })
  network?: NetworkConfigInput | null;

  @Field(() => [AnalysisKind], { nullable: true, description: "Default none." })
  analyses?: AnalysisKind[] | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Screening threshold in the total REE's unit. Default: its median in the data set.",
  })
  screeningThreshold?: number | null;

  @Field(() => SelectionConfigInput, { nullable: true })
  selection?: SelectionConfigInput | null;

  @Field(() => TransferConfigInput, {
    nullable: true,
    description: "Required for TRANSFER, which takes features, targets and layers from the parent.",
  })
  transfer?: TransferConfigInput | null;
}

@InputType()
export class OxideAmountInput {
  @Field(() => String, { description: 'Oxide formula, e.g. "Al2O3".' })
  oxide!: string;

  @Field(() => Float)
  molPercent!: number;
}

@InputType({ description: "One ash composition as oxide molar percentages." })
export class CompositionInput {
  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => [OxideAmountInput])
  oxides!: OxideAmountInput[];
}

/** Arguments of the prediction mutations, which differ only in the shape of their result. */
@ArgsType()
export class PredictArgs {
  @Field(() => ID)
  modelId!: string;

  @Field(() => [CompositionInput])
  compositions!: CompositionInput[];

  @Field(() => Float, {
    nullable: true,
    description: "Threshold of the screening class in the target unit; default the model's own.",
  })
  screeningThreshold?: number | null;
}

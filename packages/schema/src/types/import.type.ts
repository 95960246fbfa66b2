import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";

import { DatasetColumn } from "./dataset.type.js";

@InputType({ description: "A file to import: CSV text, or an XLSX workbook in base64." })
export class ImportFileInput {
  @Field(() => String, { description: "The file's text (CSV) or its bytes in base64 (XLSX)." })
  content!: string;

  @Field(() => String, { description: '"CSV" (default) or "XLSX".', nullable: true })
  format?: string | null;

  @Field(() => String, { nullable: true, description: "Sheet of an XLSX file; default the first." })
  sheet?: string | null;
}

@InputType({
  description: "How cells are read and checked; every field left out takes its default.",
})
export class ImportOptionsInput {
  @Field(() => String, {
    nullable: true,
    description: 'Below-detection cells: "reject" (default), "missing", "half-limit" or "limit".',
  })
  belowDetection?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Empty and not-analysed cells: "reject" (default) or "missing".',
  })
  missing?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Decimal separator, "." or ","; left out, only numbers that read one way pass.',
  })
  decimalSeparator?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: "Accepted distance of analytical totals from 100 wt%, in wt%; default 10.",
  })
  totalTolerance?: number | null;

  @Field(() => Boolean, { nullable: true, description: "true skips the check of totals." })
  skipTotalCheck?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Iron in several forms: "reject" (default), "sum" or "preferTotal".',
  })
  iron?: string | null;
}

@InputType({ description: "The user's reading of one column, replacing the proposal." })
export class ImportColumnInput {
  @Field(() => String)
  header!: string;

  @Field(() => String, {
    description: "feature, target, id, metadata, total, oxideSum or ignored.",
  })
  role!: string;

  @Field(() => String, { nullable: true, description: 'Element or oxide, e.g. "La" or "SiO2".' })
  quantity?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "wt%", "ppm", "mg/kg", "mol %".' })
  unit?: string | null;
}

@ObjectType({ description: "The reading of one column of an imported file." })
export class ImportColumn {
  @Field(() => String)
  header!: string;

  @Field(() => String)
  role!: string;

  @Field(() => String, { nullable: true })
  quantity!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => String, { description: "high, medium or low." })
  confidence!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType({ description: "One problem of an imported file, with the fix." })
export class ImportProblem {
  @Field(() => String, { description: "error (blocks the import) or warning." })
  severity!: string;

  @Field(() => Int, { nullable: true, description: "Line of a CSV file or row of a sheet." })
  row!: number | null;

  @Field(() => String, { nullable: true })
  column!: string | null;

  @Field(() => String, { nullable: true })
  value!: string | null;

  @Field(() => String)
  reason!: string;

  @Field(() => String)
  fix!: string;
}

@ObjectType()
export class ImportReport {
  @Field(() => Int, { description: "Data rows read." })
  rowCount!: number;

  @Field(() => Int, { description: "Rows that pass every check." })
  sampleCount!: number;

  @Field(() => Int)
  errorCount!: number;

  @Field(() => Int)
  warningCount!: number;

  @Field(() => [ImportProblem])
  problems!: ImportProblem[];
}

@ObjectType({ description: "What an import would store; nothing is stored by a preview." })
export class ImportPreview {
  @Field(() => [ImportColumn])
  columns!: ImportColumn[];

  @Field(() => Boolean, { description: "true when the second row of the file gave the units." })
  unitsRow!: boolean;

  @Field(() => String, { description: '"mass" (curated into molar units) or "molar".' })
  mode!: string;

  @Field(() => [DatasetColumn], { description: "The columns the samples would be stored with." })
  outputColumns!: DatasetColumn[];

  @Field(() => ImportReport)
  report!: ImportReport;
}

@ObjectType({ description: "One import of a data set." })
export class DatasetVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "1 for the first import, then counting up." })
  number!: number;

  @Field(() => Int)
  sampleCount!: number;

  @Field(() => [DatasetColumn])
  columns!: DatasetColumn[];

  @Field(() => Date)
  createdAt!: Date;
}

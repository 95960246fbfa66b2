import { Field, ID, Int, ObjectType } from "type-graphql";

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
}

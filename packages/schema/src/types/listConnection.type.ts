import { Field, Int, ObjectType } from "type-graphql";

import { Dataset } from "./dataset.type.js";
import { Model } from "./model.type.js";
import { PageInfo } from "./sample.type.js";

const CURSOR_DESCRIPTION =
  "Opaque keyset cursor over (createdAt, id); stays valid if the row is deleted.";

@ObjectType()
export class DatasetEdge {
  @Field(() => String, { description: CURSOR_DESCRIPTION })
  cursor!: string;

  @Field(() => Dataset)
  node!: Dataset;
}

@ObjectType({ description: "A page of data sets, newest first, as a Relay connection." })
export class DatasetConnection {
  @Field(() => [DatasetEdge])
  edges!: DatasetEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Data sets visible to the caller, on every page." })
  totalCount!: number;
}

@ObjectType()
export class ModelEdge {
  @Field(() => String, { description: CURSOR_DESCRIPTION })
  cursor!: string;

  @Field(() => Model)
  node!: Model;
}

@ObjectType({ description: "A page of models, newest first, as a Relay connection." })
export class ModelConnection {
  @Field(() => [ModelEdge])
  edges!: ModelEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Models visible to the caller, on every page." })
  totalCount!: number;
}

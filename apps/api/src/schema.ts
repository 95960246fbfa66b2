import "reflect-metadata";

import type { GraphQLSchema } from "graphql";
import { buildSchema as buildTypeGraphQLSchema } from "type-graphql";

import { DatasetResolver } from "./resolvers/dataset.resolver.js";
import { DatasetCorrelationsResolver } from "./resolvers/datasetCorrelations.resolver.js";
import { ModelResolver } from "./resolvers/model.resolver.js";
import { ModelResultResolver, RunResolver } from "./resolvers/run.resolver.js";
import { RunJobsResolver } from "./resolvers/runJobs.resolver.js";
import { TargetPredictionsResolver } from "./resolvers/targetPredictions.resolver.js";

export function buildSchema(): Promise<GraphQLSchema> {
  return buildTypeGraphQLSchema({
    resolvers: [
      DatasetResolver,
      RunResolver,
      ModelResultResolver,
      ModelResolver,
      DatasetCorrelationsResolver,
      TargetPredictionsResolver,
      RunJobsResolver,
    ],
    // Inputs are checked by the services, which name the field and the fix.
    validate: false,
  });
}

import "reflect-metadata";

import type { GraphQLSchema } from "graphql";
import { buildSchema as buildTypeGraphQLSchema } from "type-graphql";

import { tenancyGuard } from "./auth/tenancyGuard.js";
import { AuthResolver } from "./resolvers/auth.resolver.js";
import { DatasetResolver } from "./resolvers/dataset.resolver.js";
import { DatasetCorrelationsResolver } from "./resolvers/datasetCorrelations.resolver.js";
import { ModelResolver } from "./resolvers/model.resolver.js";
import { ModelResultResolver, RunResolver } from "./resolvers/run.resolver.js";
import { RunJobsResolver } from "./resolvers/runJobs.resolver.js";
import { ShareResolver } from "./resolvers/share.resolver.js";
import { TargetPredictionsResolver } from "./resolvers/targetPredictions.resolver.js";

/** Sign-in, members, tokens, shares and the audit log. */
const TENANCY = [AuthResolver, ShareResolver];

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
      ...TENANCY,
    ],
    // Checks roles before every root field and audits mutations; see auth/tenancyGuard.ts.
    globalMiddlewares: [tenancyGuard],
    // Inputs are checked by the services, which name the field and the fix.
    validate: false,
  });
}

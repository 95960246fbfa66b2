import "reflect-metadata";

import type { GraphQLSchema } from "graphql";
import { buildSchema as buildTypeGraphQLSchema, UseMiddleware } from "type-graphql";

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

const RESOLVERS = [
  DatasetResolver,
  RunResolver,
  ModelResultResolver,
  ModelResolver,
  DatasetCorrelationsResolver,
  TargetPredictionsResolver,
  RunJobsResolver,
  ...TENANCY,
] as const;

// Checks roles before every root field and audits mutations; see auth/tenancyGuard.ts. It is
// attached to every resolver class rather than as a global middleware, which type-graphql would
// also run on each plain field of every object: about 10 times the time of a 10,000-composition
// prediction batch.
for (const resolver of RESOLVERS) {
  UseMiddleware(tenancyGuard)(resolver);
}

export function buildSchema(): Promise<GraphQLSchema> {
  return buildTypeGraphQLSchema({
    resolvers: RESOLVERS,
    // Inputs are checked by the services, which name the field and the fix.
    validate: false,
  });
}

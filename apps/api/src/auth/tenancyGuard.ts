import type { Role } from "@ree/db";
import type { MiddlewareFn } from "type-graphql";

import type { Context } from "../context.js";
import { recordAudit } from "../services/audit.js";
import { requireRole } from "./access.js";

/** Root fields open to signed-out callers. */
const PUBLIC_FIELDS = new Set(["signIn", "viewer"]);

/**
 * Role each root field needs when it differs from the default: VIEWER for queries, EDITOR for
 * mutations. Mutations added later thus need EDITOR until listed here.
 */
const FIELD_ROLES: Readonly<Record<string, Role>> = {
  predict: "VIEWER",
  predictColumns: "VIEWER",
  previewImport: "VIEWER",
  signOut: "VIEWER",
  switchOrganization: "VIEWER",
  addMember: "OWNER",
  removeMember: "OWNER",
  createTeam: "OWNER",
  createApiToken: "OWNER",
  revokeApiToken: "OWNER",
  apiTokens: "OWNER",
  share: "OWNER",
  revokeShare: "OWNER",
  shares: "OWNER",
  auditEvents: "OWNER",
};

/** Mutations that change nothing worth auditing. */
const UNAUDITED = new Set([
  "signIn",
  "signOut",
  "switchOrganization",
  "predict",
  "predictColumns",
  "previewImport",
]);

/**
 * Checks the caller's role before every root field, and records each successful mutation in
 * the audit log. Row-level security decides which rows the field then reads.
 */
export const tenancyGuard: MiddlewareFn<Context> = async ({ info, context, args }, next) => {
  const operation = info.parentType.name;
  if (operation !== "Query" && operation !== "Mutation") {
    return next();
  }

  const field = info.fieldName;
  if (!PUBLIC_FIELDS.has(field)) {
    requireRole(context, FIELD_ROLES[field] ?? (operation === "Mutation" ? "EDITOR" : "VIEWER"));
  }

  const result: unknown = await next();
  if (operation === "Mutation" && !UNAUDITED.has(field)) {
    await recordAudit(context, field, args, result);
  }

  return result;
};

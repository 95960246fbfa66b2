import type { Role } from "@ree/db";

import type { Context } from "../context.js";
import { ApiError } from "../errors/ApiError.js";

const RANK: Readonly<Record<Role, number>> = { VIEWER: 0, EDITOR: 1, OWNER: 2 };

/** Fails unless the caller is signed in with at least `role` in the active organisation. */
export function requireRole(context: Context, role: Role): void {
  if (context.userId === null || context.role === null) {
    throw ApiError.unauthenticated();
  }

  if (RANK[context.role] < RANK[role]) {
    throw ApiError.forbidden(
      `this needs the ${role} role in the organisation; you are ${context.role}. ` +
        `Ask an owner to change your role.`,
    );
  }
}

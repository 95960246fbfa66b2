import { randomBytes } from "node:crypto";

import type { PrismaClient } from "@ree/db";

import type { Logger } from "../logger.js";
import { createAccount } from "../services/accounts.js";

export const FIRST_OWNER_EMAIL = "owner@localhost";

/**
 * Creates the organisation's first owner when it has none, with the password in
 * REE_OWNER_PASSWORD or a random one. Returns the credentials to print, or undefined when an
 * owner exists already. Run it in the organisation's tenant scope.
 */
export async function seedFirstOwner(
  prisma: PrismaClient,
  organizationId: string,
  logger: Logger,
): Promise<{ email: string; password: string } | undefined> {
  if ((await prisma.membership.count({ where: { organizationId, role: "OWNER" } })) > 0) {
    return undefined;
  }

  const password = process.env.REE_OWNER_PASSWORD ?? randomBytes(12).toString("base64url");
  await createAccount(prisma, {
    email: FIRST_OWNER_EMAIL,
    name: "Owner",
    password,
    organizationId,
    role: "OWNER",
  });
  logger.info({ email: FIRST_OWNER_EMAIL }, "first owner created");

  return { email: FIRST_OWNER_EMAIL, password };
}

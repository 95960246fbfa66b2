import type { PrismaClient, Role } from "@ree/db";

import { hashPassword } from "../auth/credentials.js";

export interface AccountInput {
  email: string;
  name: string;
  password: string;
  organizationId: string;
  role: Role;
}

/**
 * Creates a user with a password and a role in one organisation, or gives an existing user of
 * that email the role there. Run it in the organisation's tenant scope, or as the table owner.
 */
export async function createAccount(prisma: PrismaClient, input: AccountInput): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const user = await prisma.user.upsert({
    where: { email },
    update: {},
    create: { email, name: input.name, passwordHash },
  });
  const existing = await prisma.membership.findFirst({
    where: { userId: user.id, organizationId: input.organizationId, teamId: null },
  });
  if (!existing) {
    await prisma.membership.create({
      data: { userId: user.id, organizationId: input.organizationId, role: input.role },
    });
  }

  return user.id;
}

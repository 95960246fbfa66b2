import { type PrismaClient, type Role, runAsTenant } from "@ree/db";

import { hashSecret } from "./credentials.js";
import { readCookie, SESSION_COOKIE } from "./sessionCookie.js";

/** The sender of a request and the organisation it acts in. */
export interface Principal {
  userId: string;
  organizationId: string;
  role: Role;
  teamIds: string[];
  activeTeamId: string | null;
  sessionId: string | null;
}

export interface RequestCredentials {
  authorization?: string;
  cookie?: string;
}

/**
 * Identifies the caller from `Authorization: Bearer <token>` or the session cookie. Returns
 * null for a missing, unknown, expired or revoked credential, or a user with no membership.
 */
export async function authenticate(
  prisma: PrismaClient,
  credentials: RequestCredentials,
): Promise<Principal | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? "")?.[1];
  if (bearer !== undefined) {
    return authenticateToken(prisma, bearer);
  }

  const session = readCookie(credentials.cookie, SESSION_COOKIE);

  return session ? authenticateSession(prisma, session) : null;
}

async function authenticateToken(prisma: PrismaClient, secret: string): Promise<Principal | null> {
  const tokenHash = hashSecret(secret);
  const token = await runAsTenant({ tokenHash }, async () => {
    const found = await prisma.apiToken.findFirst({ where: { tokenHash, revokedAt: null } });
    if (found) {
      await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
    }

    return found;
  });

  // A token acts in its own organisation only, and stops working when its user leaves it.
  const principal = token
    ? await principalOf(prisma, token.userId, token.organizationId, null, null)
    : null;

  return principal?.organizationId === token?.organizationId ? principal : null;
}

async function authenticateSession(
  prisma: PrismaClient,
  secret: string,
): Promise<Principal | null> {
  const session = await prisma.session.findFirst({
    where: { tokenHash: hashSecret(secret), expiresAt: { gt: new Date() } },
  });
  if (!session) {
    return null;
  }

  return principalOf(
    prisma,
    session.userId,
    session.activeOrganizationId,
    session.activeTeamId,
    session.id,
  );
}

/**
 * Builds the principal from the user's memberships in the chosen organisation, or in their
 * first organisation when none is chosen or they have left the chosen one.
 */
export async function principalOf(
  prisma: PrismaClient,
  userId: string,
  organizationId: string | null,
  activeTeamId: string | null,
  sessionId: string | null,
): Promise<Principal | null> {
  const memberships = await runAsTenant({ userId }, () =>
    prisma.membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  );
  const organizationRole =
    memberships.find((m) => m.teamId === null && m.organizationId === organizationId) ??
    memberships.find((m) => m.teamId === null);
  if (!organizationRole) {
    return null;
  }

  const active = organizationRole.organizationId;
  const teamIds = memberships
    .filter((m) => m.organizationId === active && m.teamId !== null)
    .map((m) => m.teamId as string);

  return {
    userId,
    organizationId: active,
    role: organizationRole.role,
    teamIds,
    activeTeamId: activeTeamId !== null && teamIds.includes(activeTeamId) ? activeTeamId : null,
    sessionId,
  };
}

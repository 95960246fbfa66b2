import { type PrismaClient, queryAsTenant, type Role, runAsTenant } from "@ree/db";

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

/** Minimum time between two writes of a token's lastUsedAt, in ms; each write locks the row. */
export const LAST_USED_INTERVAL_MS = 60_000;

interface CredentialMembership {
  organizationId: string;
  teamId: string | null;
  role: Role;
}

/**
 * Reads the token and its user's memberships in the token's organisation in one statement, so a
 * revoked token fails on the next request on every API replica: nothing is cached in process.
 * The statement goes through queryAsTenant, one round trip without Prisma, because every
 * request pays for it.
 */
async function authenticateToken(prisma: PrismaClient, secret: string): Promise<Principal | null> {
  const tokenHash = hashSecret(secret);
  const rows = await runAsTenant({ tokenHash }, () =>
    queryAsTenant<CredentialMembership & { tokenId: string; userId: string; stale: boolean }>(
      prisma,
      `SELECT t.id AS "tokenId", t."userId",
        t."lastUsedAt" IS NULL OR t."lastUsedAt" <= now() AT TIME ZONE 'UTC' - $2 * interval '1 millisecond' AS stale,
        m."organizationId", m."teamId", m.role::text AS role
      FROM "ApiToken" t
      JOIN "Membership" m ON m."userId" = t."userId" AND m."organizationId" = t."organizationId"
      WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL
      ORDER BY m."createdAt"`,
      [tokenHash, LAST_USED_INTERVAL_MS],
    ),
  );
  const token = rows[0];
  if (!token) {
    return null;
  }

  if (token.stale) {
    await markTokenUsed(prisma, tokenHash, token.tokenId, new Date());
  }

  // A token acts in its own organisation only, and stops working when its user leaves it.
  return choosePrincipal(token.userId, rows, token.organizationId, null, null, true);
}

/** Writes lastUsedAt unless another request or replica wrote it within the interval. */
async function markTokenUsed(
  prisma: PrismaClient,
  tokenHash: string,
  tokenId: string,
  now: Date,
): Promise<void> {
  const stale = new Date(now.getTime() - LAST_USED_INTERVAL_MS);
  await runAsTenant({ tokenHash }, () =>
    prisma.apiToken.updateMany({
      where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    }),
  );
}

/** Reads the session and its user's memberships in one statement, as for tokens. */
async function authenticateSession(
  prisma: PrismaClient,
  secret: string,
): Promise<Principal | null> {
  const tokenHash = hashSecret(secret);
  const rows = await runAsTenant({ tokenHash }, () =>
    queryAsTenant<
      CredentialMembership & {
        sessionId: string;
        userId: string;
        activeOrganizationId: string | null;
        activeTeamId: string | null;
      }
    >(
      prisma,
      `SELECT s.id AS "sessionId", s."userId", s."activeOrganizationId", s."activeTeamId",
        m."organizationId", m."teamId", m.role::text AS role
      FROM "Session" s
      JOIN "Membership" m ON m."userId" = s."userId"
      WHERE s."tokenHash" = $1 AND s."expiresAt" > now() AT TIME ZONE 'UTC'
      ORDER BY m."createdAt"`,
      [tokenHash],
    ),
  );
  const session = rows[0];

  return session
    ? choosePrincipal(
        session.userId,
        rows,
        session.activeOrganizationId,
        session.activeTeamId,
        session.sessionId,
        false,
      )
    : null;
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

  return choosePrincipal(userId, memberships, organizationId, activeTeamId, sessionId, false);
}

/**
 * Picks the organisation role among the user's memberships, oldest first: in the chosen
 * organisation, else (unless `strict`) in the first one; null when there is none.
 */
function choosePrincipal(
  userId: string,
  memberships: readonly CredentialMembership[],
  organizationId: string | null,
  activeTeamId: string | null,
  sessionId: string | null,
  strict: boolean,
): Principal | null {
  const organizationRole =
    memberships.find((m) => m.teamId === null && m.organizationId === organizationId) ??
    (strict ? undefined : memberships.find((m) => m.teamId === null));
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

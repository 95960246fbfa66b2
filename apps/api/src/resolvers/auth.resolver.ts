import { runAsTenant } from "@ree/db";
import { ApiToken, CreatedApiToken, Role, Team, Viewer } from "@ree/schema/types";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";

import { type Principal, principalOf } from "../auth/authenticate.js";
import { newSecret, verifyPassword } from "../auth/credentials.js";
import { clearedSessionCookie, SESSION_SECONDS, sessionCookie } from "../auth/sessionCookie.js";
import type { Context } from "../context.js";
import { ApiError } from "../errors/ApiError.js";
import { createAccount } from "../services/accounts.js";
import { isUuid } from "../services/findOwned.js";
import { loadViewer } from "../services/viewer.js";

const SIGN_IN_FAILED = "the email or the password is wrong";

@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: "The signed-in user; null when signed out." })
  async viewer(@Ctx() context: Context): Promise<Viewer | null> {
    const principal = principalFromContext(context);

    return principal ? loadViewer(context.prisma, principal) : null;
  }

  @Mutation(() => Viewer, { description: "Starts a session and sets its HttpOnly cookie." })
  async signIn(
    @Arg("email", () => String) email: string,
    @Arg("password", () => String) password: string,
    @Ctx() { prisma, setCookie }: Context,
  ): Promise<Viewer> {
    const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
    const principal = valid && user ? await principalOf(prisma, user.id, null, null, null) : null;
    if (!principal) {
      throw ApiError.unauthenticated(SIGN_IN_FAILED);
    }

    const { secret, hash } = newSecret("rees_");
    const session = await prisma.session.create({
      data: {
        userId: principal.userId,
        tokenHash: hash,
        activeOrganizationId: principal.organizationId,
        expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000),
      },
    });
    setCookie(sessionCookie(secret));

    return inTenant({ ...principal, sessionId: session.id }, () => loadViewer(prisma, principal));
  }

  @Mutation(() => Boolean, { description: "Ends the session of the request's cookie." })
  async signOut(@Ctx() { prisma, sessionId, setCookie }: Context): Promise<boolean> {
    if (sessionId !== null) {
      await prisma.session.delete({ where: { id: sessionId } });
    }

    setCookie(clearedSessionCookie());

    return sessionId !== null;
  }

  @Mutation(() => Viewer, {
    description: "Makes one of the user's organisations, and optionally a team, the active one.",
  })
  async switchOrganization(
    @Arg("organizationId", () => ID) organizationId: string,
    @Arg("teamId", () => ID, { nullable: true }) teamId: string | null | undefined,
    @Ctx() context: Context,
  ): Promise<Viewer> {
    const { prisma, sessionId, userId } = context;
    if (sessionId === null || userId === null) {
      throw ApiError.badInput("an API token acts in its own organisation and cannot switch");
    }

    const principal = isUuid(organizationId)
      ? await principalOf(prisma, userId, organizationId, teamId ?? null, sessionId)
      : null;
    if (principal?.organizationId !== organizationId) {
      throw ApiError.notFound("organisation", organizationId);
    }

    if (teamId && principal.activeTeamId !== teamId) {
      throw ApiError.notFound("team", teamId);
    }

    await prisma.session.update({
      where: { id: sessionId },
      data: { activeOrganizationId: organizationId, activeTeamId: principal.activeTeamId },
    });

    return inTenant(principal, () => loadViewer(prisma, principal));
  }

  @Mutation(() => Team, { description: "Creates a team in the active organisation." })
  async createTeam(
    @Arg("name", () => String) name: string,
    @Ctx() { prisma, organizationId }: Context,
  ): Promise<Team> {
    return prisma.team.create({ data: { organizationId, name: name.trim() } });
  }

  @Mutation(() => ID, {
    description:
      "Gives a user a role in the active organisation, or a place in one of its teams; " +
      "creates the user when the email is new, which then needs a name and a password.",
  })
  async addMember(
    @Arg("email", () => String) email: string,
    @Arg("role", () => Role) role: Role,
    @Arg("teamId", () => ID, { nullable: true }) teamId: string | null | undefined,
    @Arg("name", () => String, { nullable: true }) name: string | null | undefined,
    @Arg("password", () => String, { nullable: true }) password: string | null | undefined,
    @Ctx() { prisma, organizationId }: Context,
  ): Promise<string> {
    const existing = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
    if (!existing && (!name || !password)) {
      throw ApiError.badInput(`no user has the email "${email}"; give a name and a password`);
    }

    const userId =
      existing?.id ??
      (await createAccount(prisma, {
        email,
        name: name ?? "",
        password: password ?? "",
        organizationId,
        role,
      }).catch((error: unknown) => {
        throw error instanceof RangeError ? ApiError.badInput(error.message) : error;
      }));
    const team =
      teamId && isUuid(teamId) ? await prisma.team.findFirst({ where: { id: teamId } }) : null;
    if (teamId && !team) {
      throw ApiError.notFound("team", teamId);
    }

    const membership = { userId, organizationId, teamId: team?.id ?? null };
    const found = await prisma.membership.findFirst({ where: membership });
    await (found
      ? prisma.membership.update({ where: { id: found.id }, data: { role } })
      : prisma.membership.create({ data: { ...membership, role } }));

    return userId;
  }

  @Mutation(() => Boolean, {
    description: "Removes a user from the active organisation, or from one of its teams.",
  })
  async removeMember(
    @Arg("userId", () => ID) userId: string,
    @Arg("teamId", () => ID, { nullable: true }) teamId: string | null | undefined,
    @Ctx() { prisma, organizationId }: Context,
  ): Promise<boolean> {
    if (!isUuid(userId) || (teamId && !isUuid(teamId))) {
      return false;
    }

    // Leaving the organisation also leaves its teams.
    const { count } = await prisma.membership.deleteMany({
      where: { userId, organizationId, ...(teamId ? { teamId } : {}) },
    });

    return count > 0;
  }

  @Query(() => [ApiToken], { description: "API tokens of the active organisation." })
  async apiTokens(@Ctx() { prisma, organizationId }: Context): Promise<ApiToken[]> {
    const rows = await prisma.apiToken.findMany({
      where: { organizationId },
      include: { user: true },
      orderBy: { createdAt: "desc" },
    });

    return rows.map(toApiToken);
  }

  @Mutation(() => CreatedApiToken, {
    description: "Creates a token that acts as you in the active organisation.",
  })
  async createApiToken(
    @Arg("name", () => String) name: string,
    @Ctx() { prisma, organizationId, userId }: Context,
  ): Promise<CreatedApiToken> {
    const { secret, hash } = newSecret("reet_");
    const row = await prisma.apiToken.create({
      data: { organizationId, userId: userId ?? "", name, tokenHash: hash },
      include: { user: true },
    });

    return { token: toApiToken(row), secret };
  }

  @Mutation(() => ApiToken, { description: "Revokes a token; its next request is rejected." })
  async revokeApiToken(
    @Arg("id", () => ID) id: string,
    @Ctx() { prisma, organizationId }: Context,
  ): Promise<ApiToken> {
    const found = isUuid(id)
      ? await prisma.apiToken.findFirst({ where: { id, organizationId } })
      : null;
    if (!found) {
      throw ApiError.notFound("API token", id);
    }

    const row = await prisma.apiToken.update({
      where: { id },
      data: { revokedAt: found.revokedAt ?? new Date() },
      include: { user: true },
    });

    return toApiToken(row);
  }
}

/** A sign-in or switch acts in the new organisation before the request's own scope is updated. */
function inTenant<T>(principal: Principal, work: () => Promise<T>): Promise<T> {
  return runAsTenant(
    {
      organizationId: principal.organizationId,
      userId: principal.userId,
      teamIds: principal.teamIds,
    },
    work,
  );
}

function principalFromContext(context: Context): Principal | null {
  if (context.userId === null || context.role === null) {
    return null;
  }

  return {
    userId: context.userId,
    organizationId: context.organizationId,
    role: context.role,
    teamIds: context.teamIds,
    activeTeamId: context.activeTeamId,
    sessionId: context.sessionId,
  };
}

function toApiToken(row: {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user: { email: string };
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    userEmail: row.user.email,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

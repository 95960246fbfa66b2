import type { PrismaClient } from "@ree/db";
import type { Viewer } from "@ree/schema/types";

import type { Principal } from "../auth/authenticate.js";

/** The signed-in user's view of themselves: the active organisation and every membership. */
export async function loadViewer(prisma: PrismaClient, principal: Principal): Promise<Viewer> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: principal.userId } });
  const memberships = await prisma.membership.findMany({
    where: { userId: principal.userId },
    include: { organization: true, team: true },
    orderBy: { createdAt: "asc" },
  });
  const active = memberships.find(
    (m) => m.organizationId === principal.organizationId && m.teamId === null,
  );
  if (!active) {
    throw new Error(`user ${principal.userId} has no membership in the active organisation`);
  }

  const team = memberships.find((m) => m.teamId === principal.activeTeamId)?.team ?? null;

  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    organization: active.organization,
    team,
    role: principal.role,
    memberships: memberships.map(({ organization, team, role }) => ({ organization, team, role })),
  };
}

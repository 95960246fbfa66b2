import type { PrismaClient } from "@ree/db";

/** The organisation a request acts in and the user's teams there, as shares name grantees. */
export interface Caller {
  organizationId: string;
  teamIds: readonly string[];
}

/** One shared resource, as Share names it. */
export type SharedResourceRef = { datasetId: string } | { runId: string } | { modelId: string };

/**
 * Checks whether the caller may change a resource it can read: its organisation owns the
 * resource or has a WRITE share of it, directly or through one of the user's teams. Row-level
 * security hides only what the caller cannot read, and a READ share passes it, so writes call this.
 */
export async function mayWrite(
  prisma: PrismaClient,
  caller: Caller,
  ownerOrganizationId: string,
  resource: SharedResourceRef,
): Promise<boolean> {
  if (ownerOrganizationId === caller.organizationId) {
    return true;
  }

  const writeShares = await prisma.share.count({
    where: {
      ...resource,
      access: "WRITE",
      OR: [
        { granteeOrganizationId: caller.organizationId },
        { granteeTeamId: { in: [...caller.teamIds] } },
      ],
    },
  });

  return writeShares > 0;
}

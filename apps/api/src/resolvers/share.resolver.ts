import { Prisma, type PrismaClient, type Share as ShareRow } from "@ree/db";
import { AuditEvent, Share, ShareInput, SharedResource } from "@ree/schema/types";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";

import type { Context } from "../context.js";
import { ApiError } from "../errors/ApiError.js";
import { isUuid } from "../services/findOwned.js";

/** Column of Share that contains each kind of resource. */
const RESOURCE_COLUMN = {
  DATASET: "datasetId",
  RUN: "runId",
  MODEL: "modelId",
} as const satisfies Record<SharedResource, keyof ShareRow>;

// Prisma's code for a foreign key violation: the grantee team does not exist.
const FOREIGN_KEY_VIOLATION = "P2003";

@Resolver(() => Share)
export class ShareResolver {
  @Mutation(() => Share, {
    description:
      "Shares a data set, run or model of the active organisation with another organisation " +
      "or a team. Sharing a run also shows its data set and models. Takes effect at once.",
  })
  async share(
    @Arg("input", () => ShareInput) input: ShareInput,
    @Ctx() { prisma, organizationId }: Context,
  ): Promise<Share> {
    const column = RESOURCE_COLUMN[input.resourceType];
    if (!(await isOwnResource(prisma, input.resourceType, input.resourceId, organizationId))) {
      throw ApiError.notFound(input.resourceType.toLowerCase(), input.resourceId);
    }

    const grantee = await resolveGrantee(prisma, input);
    try {
      const row = await prisma.share.create({
        data: {
          organizationId,
          [column]: input.resourceId,
          ...grantee,
          access: input.access ?? "READ",
        },
      });

      return toShare(row);
    } catch (error) {
      if (
        error instanceof Prisma.PrismaClientKnownRequestError &&
        error.code === FOREIGN_KEY_VIOLATION
      ) {
        throw ApiError.notFound("team", input.granteeTeamId ?? "");
      }

      throw error;
    }
  }

  @Mutation(() => Share, {
    description: "Withdraws a share; the grantee's next request is rejected.",
  })
  async revokeShare(
    @Arg("id", () => ID) id: string,
    @Ctx() { prisma, organizationId }: Context,
  ): Promise<Share> {
    const row = isUuid(id) ? await prisma.share.findFirst({ where: { id, organizationId } }) : null;
    if (!row) {
      throw ApiError.notFound("share", id);
    }

    await prisma.share.delete({ where: { id } });

    return toShare(row);
  }

  @Query(() => [Share], { description: "Shares granted by the active organisation." })
  async shares(@Ctx() { prisma, organizationId }: Context): Promise<Share[]> {
    const rows = await prisma.share.findMany({
      where: { organizationId },
      orderBy: { createdAt: "desc" },
    });

    return rows.map(toShare);
  }

  @Query(() => [AuditEvent], { description: "Changes in the active organisation, newest first." })
  async auditEvents(
    @Ctx() { prisma, organizationId }: Context,
    @Arg("first", () => Int, { nullable: true, description: "At most 1000; default 100." })
    first: number | null | undefined,
  ): Promise<AuditEvent[]> {
    const rows = await prisma.auditEvent.findMany({
      where: { organizationId },
      orderBy: { createdAt: "desc" },
      take: Math.min(Math.max(first ?? 100, 1), 1000),
    });
    const users = await prisma.user.findMany({
      where: { id: { in: rows.flatMap((row) => (row.userId ? [row.userId] : [])) } },
    });
    const emails = new Map(users.map((user) => [user.id, user.email]));

    return rows.map((row) => ({
      id: row.id,
      userEmail: row.userId ? (emails.get(row.userId) ?? null) : null,
      action: row.action,
      resourceType: row.resourceType,
      resourceId: row.resourceId,
      createdAt: row.createdAt,
    }));
  }
}

/** Only the owning organisation shares a resource, even one shared with it for writing. */
async function isOwnResource(
  prisma: PrismaClient,
  type: SharedResource,
  id: string,
  organizationId: string,
): Promise<boolean> {
  if (!isUuid(id)) {
    return false;
  }

  const where = { id, organizationId };
  switch (type) {
    case "DATASET":
      return (await prisma.dataset.count({ where })) > 0;
    case "RUN":
      return (await prisma.run.count({ where })) > 0;
    case "MODEL":
      return (await prisma.model.count({ where })) > 0;
  }
}

async function resolveGrantee(
  prisma: PrismaClient,
  input: ShareInput,
): Promise<{ granteeOrganizationId: string } | { granteeTeamId: string }> {
  const { granteeOrganizationSlug: slug, granteeTeamId: teamId } = input;
  if ((slug ? 1 : 0) + (teamId ? 1 : 0) !== 1) {
    throw ApiError.badInput("give granteeOrganizationSlug or granteeTeamId, not both nor neither");
  }

  if (teamId) {
    if (!isUuid(teamId)) {
      throw ApiError.notFound("team", teamId);
    }

    return { granteeTeamId: teamId };
  }

  const organization = await prisma.organization.findUnique({ where: { slug: slug ?? "" } });
  if (!organization) {
    throw ApiError.notFound("organisation", slug ?? "");
  }

  return { granteeOrganizationId: organization.id };
}

function toShare(row: ShareRow): Share {
  let resourceType: Share["resourceType"] = "MODEL";
  if (row.datasetId) {
    resourceType = "DATASET";
  } else if (row.runId) {
    resourceType = "RUN";
  }

  return {
    id: row.id,
    resourceType,
    resourceId: row.datasetId ?? row.runId ?? row.modelId ?? "",
    granteeOrganizationId: row.granteeOrganizationId,
    granteeTeamId: row.granteeTeamId,
    access: row.access,
    createdAt: row.createdAt,
  };
}

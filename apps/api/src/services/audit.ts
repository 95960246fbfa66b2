import type { Context } from "../context.js";

/** Resources that a WRITE share lets another organisation change. */
const SHARED_WRITES = new Set(["DATASET", "RUN"]);

/**
 * Records that the caller ran `action`. The resource is the one the mutation returns (its
 * shared resource for a share), else the `id` argument. The type comes from the action's name:
 * importDataset -> Dataset, cancelRun -> Run. A change to another organisation's data set or
 * run, through a WRITE share, enters the owner's log too, so that the owner sees who changed it.
 */
export async function recordAudit(
  context: Context,
  action: string,
  args: Record<string, unknown>,
  result: unknown,
): Promise<void> {
  const returned = (result ?? {}) as {
    id?: unknown;
    organizationId?: unknown;
    resourceType?: unknown;
    resourceId?: unknown;
  };
  const resourceType =
    typeof returned.resourceType === "string"
      ? returned.resourceType
      : action.replace(/^[a-z]+/, "") || action;
  const resourceId = returned.resourceId ?? returned.id ?? args.id ?? "";

  const entry = {
    organizationId: context.organizationId,
    userId: context.userId,
    action,
    resourceType: resourceType.toUpperCase(),
    resourceId: String(resourceId),
  };
  const owner = returned.organizationId;
  const entries =
    typeof owner === "string" &&
    owner !== entry.organizationId &&
    SHARED_WRITES.has(entry.resourceType)
      ? [entry, { ...entry, organizationId: owner }]
      : [entry];

  // createMany sends no RETURNING: the caller may write the owner's entry but not read it.
  await context.prisma.auditEvent.createMany({ data: entries });
}

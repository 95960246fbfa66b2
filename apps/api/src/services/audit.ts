import type { Context } from "../context.js";

/**
 * Records that the caller ran `action`. The resource is the one the mutation returns (its
 * shared resource for a share), else the `id` argument. The type comes from the action's name:
 * importDataset -> Dataset, cancelRun -> Run.
 */
export async function recordAudit(
  context: Context,
  action: string,
  args: Record<string, unknown>,
  result: unknown,
): Promise<void> {
  const returned = (result ?? {}) as { id?: unknown; resourceType?: unknown; resourceId?: unknown };
  const resourceType =
    typeof returned.resourceType === "string"
      ? returned.resourceType
      : action.replace(/^[a-z]+/, "") || action;
  const resourceId = returned.resourceId ?? returned.id ?? args.id ?? "";

  await context.prisma.auditEvent.create({
    data: {
      organizationId: context.organizationId,
      userId: context.userId,
      action,
      resourceType: resourceType.toUpperCase(),
      resourceId: String(resourceId),
    },
  });
}

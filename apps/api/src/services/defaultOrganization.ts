import type { PrismaClient } from "@ree/db";

export const DEFAULT_ORGANIZATION_SLUG = "default";

/**
 * Returns the id of the organisation that requests act in, creating it on
 * first use.
 * TODO: sign-in and API tokens are missing, so every request acts in this organisation.
 */
export async function ensureDefaultOrganization(prisma: PrismaClient): Promise<string> {
  const organization = await prisma.organization.upsert({
    where: { slug: DEFAULT_ORGANIZATION_SLUG },
    update: {},
    create: { slug: DEFAULT_ORGANIZATION_SLUG, name: "Default lab" },
  });

  return organization.id;
}

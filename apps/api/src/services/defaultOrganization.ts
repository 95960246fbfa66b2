import type { PrismaClient } from "@ree/db";

export const DEFAULT_ORGANIZATION_SLUG = "default";

/**
 * Returns the id of the organisation that `npm start` seeds and gives its first
 * owner, creating it on first use.
 */
export async function ensureDefaultOrganization(prisma: PrismaClient): Promise<string> {
  const organization = await prisma.organization.upsert({
    where: { slug: DEFAULT_ORGANIZATION_SLUG },
    update: {},
    create: { slug: DEFAULT_ORGANIZATION_SLUG, name: "Default lab" },
  });

  return organization.id;
}

import type { ModelArtifact } from "@ree/core-ml";
import { type PrismaClient, queryAsTenant } from "@ree/db";

import { ApiError } from "../errors/ApiError.js";

/**
 * Keeps recently used model artifacts in memory, with the members that predictWithArtifact
 * compiles for them. Artifacts never change after a run stores them, so entries need no
 * invalidation, only a size bound. Who may see a model can change (shares), so every use first
 * queries the database, whose row-level security decides for the request's tenant.
 */
export class ModelCache {
  private readonly entries = new Map<string, ModelArtifact>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly capacity = 32,
  ) {}

  async get(modelId: string): Promise<ModelArtifact> {
    const key = modelId;
    const cached = this.entries.get(key);
    if (cached && !(await this.isVisible(modelId))) {
      throw ApiError.notFound("model", modelId);
    }

    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);

      return cached;
    }

    const row = await this.prisma.model.findFirst({
      where: { id: modelId },
      select: { artifact: true },
    });
    if (!row) {
      throw ApiError.notFound("model", modelId);
    }

    const artifact = row.artifact as unknown as ModelArtifact;
    this.entries.set(key, artifact);
    const oldest = this.entries.keys().next().value;
    if (this.entries.size > this.capacity && oldest !== undefined) {
      this.entries.delete(oldest);
    }

    return artifact;
  }

  /** Checks visibility in one round trip without Prisma (queryAsTenant), because each prediction pays for it. */
  private async isVisible(modelId: string): Promise<boolean> {
    const rows = await queryAsTenant(this.prisma, `SELECT 1 FROM "Model" WHERE id = $1::uuid`, [
      modelId,
    ]);

    return rows.length > 0;
  }
}

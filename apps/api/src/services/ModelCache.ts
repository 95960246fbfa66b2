import type { ModelArtifact } from "@ree/core-ml";
import type { PrismaClient } from "@ree/db";

import { ApiError } from "../errors/ApiError.js";

/**
 * Keeps recently used model artifacts in memory. Artifacts never change after
 * a run stores them, so entries need no invalidation, only a size bound. Who
 * may see a model can change (shares), so every use first checks the database.
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
    if (cached && (await this.prisma.model.count({ where: { id: modelId } })) === 0) {
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
}

import type { PrismaClient } from "@ree/db";

import type { Logger } from "./logger.js";
import type { ModelCache } from "./services/ModelCache.js";

/** Request context passed to every resolver. */
export interface Context {
  prisma: PrismaClient;
  logger: Logger;
  models: ModelCache;
  /** Organisation whose data the request reads and writes. */
  organizationId: string;
}

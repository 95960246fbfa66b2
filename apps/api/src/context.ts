import type { PrismaClient, Role } from "@ree/db";

import type { Logger } from "./logger.js";
import type { ModelCache } from "./services/ModelCache.js";
import type { UploadStore } from "./services/UploadStore.js";

/** Request context passed to every resolver. */
export interface Context {
  /** Connected as the application role; row-level security confines it to the tenant below. */
  prisma: PrismaClient;
  logger: Logger;
  models: ModelCache;
  /** Files sent to POST /uploads, waiting for previewImport and importDataset. */
  uploads: UploadStore;
  /** Organisation whose data the request reads and writes; "" when signed out. */
  organizationId: string;
  /** The signed-in user, or null. */
  userId: string | null;
  /** The user's role in organizationId, or null when signed out. */
  role: Role | null;
  /** Teams of the user in organizationId. */
  teamIds: string[];
  /** Team chosen in the switcher. */
  activeTeamId: string | null;
  /** Session of the request's cookie, or null for API tokens and signed-out requests. */
  sessionId: string | null;
  /** Adds a Set-Cookie header to the response. */
  setCookie(cookie: string): void;
}

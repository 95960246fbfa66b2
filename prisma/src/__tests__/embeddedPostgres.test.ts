import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "../createPrismaClient.js";
import { startEmbeddedPostgres } from "../embeddedPostgres.js";

async function listen(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Returns a port that was free a moment ago; another process may take it in between. */
async function freePort(): Promise<number> {
  const server = await listen(0);
  const address = server.address();
  await close(server);
  if (address === null || typeof address === "string") {
    throw new Error(`Expected a TCP address from the port probe, got ${String(address)}`);
  }

  return address.port;
}

describe("startEmbeddedPostgres", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  async function tempDir(): Promise<string> {
    const directory = await mkdtemp(join(tmpdir(), "ree-embedded-"));
    // As root the server runs as the `postgres` user, which must reach the data folder.
    await chmod(directory, 0o755);
    cleanups.push(() => rm(directory, { recursive: true, force: true }));
    return directory;
  }

  it("starts, answers and stops", async () => {
    const dataDir = join(await tempDir(), "data");
    const port = await freePort();

    const server = await startEmbeddedPostgres({ dataDir, port });
    cleanups.push(() => server.stop());

    expect(server.databaseUrl).toMatch(new RegExp(`@127\\.0\\.0\\.1:${port}/ree$`));
    const prisma = createPrismaClient(server.databaseUrl);
    try {
      const rows = await prisma.$queryRaw<{ answer: number }[]>`SELECT 1 AS answer`;
      expect(rows).toEqual([{ answer: 1 }]);
    } finally {
      await prisma.$disconnect();
    }

    await server.stop();
    const restarted = await startEmbeddedPostgres({ dataDir, port });
    cleanups.push(() => restarted.stop());
    expect(restarted.databaseUrl).toBe(server.databaseUrl);
  });

  it("names a port in use", async () => {
    const dataDir = join(await tempDir(), "data");
    const blocker = await listen(0);
    cleanups.push(() => close(blocker));
    const address = blocker.address();
    const port = typeof address === "object" && address !== null ? address.port : -1;

    await expect(startEmbeddedPostgres({ dataDir, port })).rejects.toThrow(
      `Port ${port} on 127.0.0.1 is already in use`,
    );
  });
});

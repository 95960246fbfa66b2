import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const workerScript = fileURLToPath(new URL("../../apps/api/dist/cli/worker.js", import.meta.url));

export interface WorkerProcess {
  child: ChildProcess;
  /** Sends SIGKILL: the worker gets no chance to clean up. */
  kill(): Promise<void>;
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<void>;
}

/** Starts the built worker CLI in a process of its own against `databaseUrl`. */
export function spawnWorker(databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [workerScript], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(name);
    }

    await exited;
  };

  return { child, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}

/** Worker processes started with one environment, which a test stops together. */
export interface WorkerPool {
  /** Starts a worker against `databaseUrl`, with `env` added to the pool's, and adds it to the pool. */
  start(databaseUrl: string, env?: Record<string, string>): WorkerProcess;
  /** Sends SIGTERM to every worker of the pool, waits for their exits and empties the pool. */
  stopAll(): Promise<void>;
}

/** Creates an empty pool whose workers run with `env` added to this process's environment. */
export function createWorkerPool(env: Record<string, string> = {}): WorkerPool {
  let workers: WorkerProcess[] = [];

  return {
    start(databaseUrl, extraEnv = {}) {
      const worker = spawnWorker(databaseUrl, { ...env, ...extraEnv });
      workers.push(worker);

      return worker;
    },
    async stopAll() {
      const stopping = workers;
      workers = [];
      await Promise.all(stopping.map((worker) => worker.stop()));
    },
  };
}

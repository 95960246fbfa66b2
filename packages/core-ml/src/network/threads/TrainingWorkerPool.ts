import type { Worker } from "node:worker_threads";

import { startTrainingWorker } from "./startTrainingWorker.js";

/** Maximum delay of Node's setTimeout, 2^31 - 1 ms (about 24.8 days). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Training worker threads kept between trainMany calls. Idle workers do not
 * keep the process alive (Worker.unref), and they exit after `idleTimeoutMs`
 * without a call, or never when it exceeds setTimeout's maximum (such as Infinity).
 */
export class TrainingWorkerPool {
  private readonly idle: Worker[] = [];
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly idleTimeoutMs: number) {}

  /**
   * Takes `count` workers, idle ones first, and starts the rest.
   * @throws Error from startTrainingWorker, after releasing the workers taken.
   */
  acquire(count: number): Worker[] {
    const workers = this.idle.splice(0, count);
    this.scheduleIdleExit();
    try {
      while (workers.length < count) {
        workers.push(this.start());
      }
    } catch (error) {
      this.release(workers);
      throw error;
    }

    workers.forEach((worker) => worker.ref());

    return workers;
  }

  /**
   * Puts workers that finished their chunks back as idle. The caller must have
   * removed its listeners.
   */
  release(workers: readonly Worker[]): void {
    for (const worker of workers) {
      worker.unref();
      this.idle.push(worker);
    }

    this.scheduleIdleExit();
  }

  /** Restarts the idle timeout, or stops it when no worker is idle. */
  private scheduleIdleExit(): void {
    clearTimeout(this.idleTimer);
    // setTimeout fires after 1 ms for delays beyond its maximum, so those mean "never".
    if (this.idle.length > 0 && this.idleTimeoutMs <= MAX_TIMEOUT_MS) {
      this.idleTimer = setTimeout(() => this.terminateIdle(), this.idleTimeoutMs).unref();
    }
  }

  /** Terminates every idle worker; workers in use are not affected. */
  private terminateIdle(): void {
    for (const worker of this.idle.splice(0)) {
      void worker.terminate();
    }
  }

  private start(): Worker {
    const worker = startTrainingWorker();
    // An "error" event without a listener is thrown as an uncaught exception. A training
    // reports the errors of its workers itself, and an idle worker that fails exits.
    worker.on("error", () => undefined);
    // A worker that exits while idle, such as after a crash, must not be handed out again.
    worker.on("exit", () => {
      const index = this.idle.indexOf(worker);
      if (index >= 0) {
        this.idle.splice(index, 1);
      }
    });

    return worker;
  }
}

interface Lease {
  runId: string;
  workerId: string;
  controller: AbortController;
}

/**
 * The parts this process is executing, each with the controller that stops it:
 * the heartbeat aborts a part whose run was cancelled or whose part another
 * worker took over.
 */
export class PartLeases {
  private readonly leases = new Map<string, Lease>();

  hold(partId: string, runId: string, workerId: string): AbortSignal {
    const controller = new AbortController();
    this.leases.set(partId, { runId, workerId, controller });

    return controller.signal;
  }

  release(partId: string): void {
    this.leases.delete(partId);
  }

  abort(partId: string, reason: string): void {
    this.leases.get(partId)?.controller.abort(new Error(reason));
  }

  entries(): [partId: string, lease: Readonly<Lease>][] {
    return [...this.leases.entries()];
  }
}

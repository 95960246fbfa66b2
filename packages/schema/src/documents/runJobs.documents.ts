import { typedDocument } from "./typed.js";
import type { RunStatus } from "./types.js";

export interface RunEventEntry {
  at: string;
  kind: string;
  message: string;
}

export interface RunJobs {
  id: string;
  status: RunStatus;
  finishedRepetitions: number;
  /** Stored units out of all: grid cells of a grid search, repetitions otherwise. */
  completion: { finished: number; total: number; unit: string };
  events: RunEventEntry[];
}

const runJobsFields = `
  id
  status
  finishedRepetitions
  completion {
    finished
    total
    unit
  }
  events {
    at
    kind
    message
  }
`;

export const RunJobsDocument = typedDocument<{ run: RunJobs | null }, { id: string }>(`
  query RunJobs($id: ID!) {
    run(id: $id) {
      ${runJobsFields}
    }
  }
`);

export const CancelRunDocument = typedDocument<{ cancelRun: RunJobs }, { id: string }>(`
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id) {
      ${runJobsFields}
    }
  }
`);

import { formatPercent } from "../lib/format";

export interface ProgressBarProps {
  /** Share of the work done, from 0 to 1. */
  fraction: number;
  /** Current step of the run, shown next to the bar. */
  message: string;
}

/** Progress of a run as a native progress bar, its percentage and the message. */
export function ProgressBar({ fraction, message }: ProgressBarProps) {
  const percent = formatPercent(fraction);

  return (
    <div className="progress">
      <progress
        max={1}
        value={Math.min(1, Math.max(0, fraction))}
        aria-label={`Progress ${percent}`}
      >
        {percent}
      </progress>
      <span className="progress-percent">{percent}</span>
      {message === "" ? null : <span className="progress-message">{message}</span>}
    </div>
  );
}

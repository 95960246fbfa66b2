import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Creates the service logger: JSON lines, or readable lines when stdout is a
 * terminal. LOG_LEVEL sets the level (default "info").
 */
export function createLogger(options: { level?: string; pretty?: boolean } = {}): Logger {
  const { level = process.env.LOG_LEVEL ?? "info", pretty = process.stdout.isTTY } = options;

  return pino({
    level,
    ...(pretty && {
      transport: {
        target: "pino-pretty",
        options: { ignore: "pid,hostname", translateTime: "HH:MM:ss" },
      },
    }),
  });
}

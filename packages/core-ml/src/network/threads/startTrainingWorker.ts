import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Starts a worker thread that runs trainingWorker, the module next to this one.
 *
 * From the compiled package (dist/, as the API and the CLI run it), this module
 * is JavaScript, and the worker runs trainingWorker.js as is.
 *
 * From the TypeScript sources (vitest, or scripts run with tsx), the worker
 * must load trainingWorker.ts, which plain Node 20 cannot run. The worker
 * option `execArgv: ["--import", "tsx"]` is not enough: the entry point of tsx
 * 4.23 registers its hooks only on the main thread under Node 20, and the
 * worker fails with ERR_UNKNOWN_FILE_EXTENSION. So the worker starts from a
 * short ES module in a data: URL that calls `register()` of tsx's documented
 * `tsx/esm/api` and then imports trainingWorker.ts. This needs tsx, a
 * development dependency at the repository root, which `import.meta.resolve`
 * finds from this module's location.
 *
 * @throws Error when the worker script or tsx is missing.
 */
export function startTrainingWorker(): Worker {
  const ownPath = fileURLToPath(import.meta.url);
  const fromSources = ownPath.endsWith(".ts");
  const script = new URL(`./trainingWorker${fromSources ? ".ts" : ".js"}`, import.meta.url);
  if (!existsSync(script)) {
    throw new Error(
      `the training worker script ${fileURLToPath(script)} is missing; ` +
        "rebuild the package with `npm run build -w @ree/core-ml`",
    );
  }

  if (!fromSources) {
    return new Worker(script);
  }

  const bootstrap = [
    `const { register } = await import(${JSON.stringify(resolveTsxApi())});`,
    "register();",
    `await import(${JSON.stringify(script.href)});`,
  ].join("\n");

  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`));
}

function resolveTsxApi(): string {
  try {
    return import.meta.resolve("tsx/esm/api");
  } catch (error) {
    throw new Error(
      "training threads from the TypeScript sources need tsx, which was not found; " +
        "run `npm install` at the repository root, or use the compiled package",
      { cause: error },
    );
  }
}

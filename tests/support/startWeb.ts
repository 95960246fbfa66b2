import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { chromium, type Browser, type Page } from "playwright-core";

import type { TestStack } from "./startTestStack.js";

const webDir = fileURLToPath(new URL("../../apps/web/", import.meta.url));

export interface TestWeb {
  url: string;
  stop(): void;
}

/** Serves the built dashboard on a free loopback port, pointed at `apiUrl`. */
export async function startWeb(apiUrl: string): Promise<TestWeb> {
  const port = await findFreePort();
  const server = startNext(apiUrl, port);
  const url = `http://127.0.0.1:${port}`;
  const stop = (): void => {
    if (server.pid !== undefined) {
      process.kill(-server.pid, "SIGTERM");
    }
  };

  try {
    await waitForHttp(`${url}/`);
  } catch (error) {
    stop();
    throw error;
  }

  return { url, stop };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Serves the dashboard against `apiUrl` and launches the browser that drives it. */
export async function startWebAndBrowser(
  apiUrl: string,
): Promise<{ web: TestWeb; browser: Browser }> {
  const web = await startWeb(apiUrl);

  try {
    return { web, browser: await launchBrowser() };
  } catch (error) {
    web.stop();
    throw error;
  }
}

/** Stops what a browser test started, browser first. A part that failed to start is undefined. */
export async function stopBrowserTest(started: {
  browser?: Browser;
  web?: TestWeb;
  stack?: TestStack;
}): Promise<void> {
  await started.browser?.close();
  started.web?.stop();
  await started.stack?.stop();
}

/**
 * Opens a page whose browser contains the session cookie of `sessionToken` for the API's origin, as
 * after signing in; cookies are shared across the ports of one host.
 */
export async function newSignedInPage(
  browser: Browser,
  signedIn: { apiUrl: string; owner: { sessionToken: string } },
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  await page.context().addCookies([
    {
      name: "ree_session",
      value: signedIn.owner.sessionToken,
      url: new URL(signedIn.apiUrl).origin,
    },
  ]);

  return page;
}

function startNext(apiUrl: string, port: number): ChildProcess {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next", {
    paths: [webDir],
  });

  return spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: webDir,
    env: { ...process.env, REE_API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    // A process group of its own, so that stopping it also stops the server process it forks.
    detached: true,
  });
}

/** Asks the kernel for a free port; another process could take it before Next binds it. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // The server is not listening yet.
    }

    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  throw new Error(`${url} did not answer within ${timeoutMs} ms; is apps/web built?`);
}

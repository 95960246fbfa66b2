import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { type PrismaClient, runAsTenant } from "@ree/db";

import { authenticate, type Principal } from "./auth/authenticate.js";
import type { Context } from "./context.js";
import { ApiErrorCode } from "./errors/ApiErrorCode.js";
import { formatError } from "./errors/formatError.js";
import type { Logger } from "./logger.js";
import { pageSizeLimit } from "./pageSizeLimit.js";
import { QUERY_LIMITS, queryLimits } from "./queryLimits.js";
import { buildSchema } from "./schema.js";
import { receiveUpload } from "./routes/receiveUpload.js";
import { EXPORT_PATH, sendDatasetExport } from "./routes/sendDatasetExport.js";
import { sendJson } from "./routes/sendJson.js";
import { ModelCache } from "./services/ModelCache.js";
import { serveTfjsExport } from "./services/serveTfjsExport.js";
import { readUploadSettings, type UploadSettings, UploadStore } from "./services/UploadStore.js";

export interface ServerOptions {
  /** A tenant client (createTenantPrismaClient) connected as the application role. */
  prisma: PrismaClient;
  logger: Logger;
  /**
   * Origins allowed to call with the session cookie, besides any http://127.0.0.1:<port> and
   * http://localhost:<port>, where the dashboard runs by default.
   */
  allowedOrigins?: string[];
  /** Show stack traces in errors and allow introspection; off when NODE_ENV is "production". */
  debug?: boolean;
  /** Settings of POST /uploads: folder, size limit and lifetime; default from the environment. */
  uploads?: UploadSettings;
}

export interface ApiServer {
  /** Starts listening; returns the GraphQL endpoint's URL. Port 0 picks a free port. */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Largest request body accepted, in bytes: a 10,000-composition batch fits. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Creates the HTTP server: GraphQL at /graphql, liveness at /health,
 * readiness (database reachable) at /ready, file uploads for imports at /uploads,
 * CSV downloads at /datasets/<id>/export.csv, and each model member as a
 * TensorFlow.js LayersModel at /models/<id>/tfjs/<member>/model.json.
 */
export async function createServer(options: ServerOptions): Promise<ApiServer> {
  const { prisma, logger } = options;
  const debug = options.debug ?? process.env.NODE_ENV !== "production";
  const httpServer = createHttpServer();
  const limits = queryLimits();
  const apollo = new ApolloServer<Context>({
    schema: await buildSchema(),
    includeStacktraceInErrorResponses: debug,
    // Callers stop the server themselves. Apollo's own signal handlers would stop it and then
    // re-raise the signal, ending the process before the caller's shutdown finishes.
    stopOnTerminationSignals: false,
    introspection: debug,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: true,
    formatError: (formatted, error) => formatError(formatted, error, debug, logger),
    // No type sets cache hints, and the default cache-control plugin wraps every field
    // resolver, a cost that a 10,000-composition batch pays on each of its fields.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      pageSizeLimit(),
    ],
    logger,
  });
  await apollo.start();

  const models = new ModelCache(prisma);
  const uploads = new UploadStore(options.uploads ?? readUploadSettings());
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  httpServer.on("request", (request, response) => {
    const context = (principal: Principal | null): Context =>
      createContext(principal, response, { prisma, logger, models, uploads });
    const origin = request.headers.origin;
    if (origin !== undefined && (allowedOrigins.has(origin) || LOOPBACK_ORIGIN.test(origin))) {
      response.setHeader("access-control-allow-origin", origin);
      response.setHeader("access-control-allow-credentials", "true");
      response.setHeader("vary", "origin");
    }

    handleRequest(request, response, apollo, context, { prisma, models, uploads }).catch(
      (error: unknown) => {
        logger.error({ err: error, url: request.url }, "request failed");
        if (!response.headersSent) {
          sendJson(response, 500, { error: "internal server error" });
        }
      },
    );
  });

  return {
    listen: (port, host = "127.0.0.1") => listen(httpServer, port, host),
    stop: () => apollo.stop(),
  };
}

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/**
 * Builds the context of one request. Its queries run as the principal's tenant (see handleGraphQL);
 * a signed-out request has no organisation, so row-level security shows it no rows.
 */
function createContext(
  principal: Principal | null,
  response: ServerResponse,
  shared: Pick<Context, "prisma" | "logger" | "models" | "uploads">,
): Context {
  return {
    ...shared,
    organizationId: principal?.organizationId ?? "",
    userId: principal?.userId ?? null,
    role: principal?.role ?? null,
    teamIds: principal?.teamIds ?? [],
    activeTeamId: principal?.activeTeamId ?? null,
    sessionId: principal?.sessionId ?? null,
    setCookie: (cookie) => response.appendHeader("set-cookie", cookie),
  };
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  apollo: ApolloServer<Context>,
  context: (principal: Principal | null) => Context,
  { prisma, models, uploads }: Pick<Context, "prisma" | "models" | "uploads">,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://localhost");
  response.setHeader("access-control-allow-headers", "content-type, authorization");
  response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  if (request.method === "OPTIONS") {
    response.writeHead(204).end();

    return;
  }

  switch (url.pathname) {
    case "/health":
      sendJson(response, 200, { status: "ok" });

      return;
    case "/ready":
      await runAsTenant({}, () => prisma.$queryRaw`SELECT 1`);
      sendJson(response, 200, { status: "ready" });

      return;
    case "/graphql":
      await handleGraphQL(request, response, url, apollo, context, prisma);

      return;
    case "/uploads":
      await receiveUpload(
        request,
        response,
        url,
        await authenticateRequest(prisma, request),
        uploads,
      );

      return;
    default:
      if (await handleExport(request, response, url, prisma)) {
        return;
      }

      if (
        await runAsTenant(tenantOf(await authenticateRequest(prisma, request)), () =>
          serveTfjsExport(request.method ?? "GET", url.pathname, response, models),
        )
      ) {
        return;
      }

      sendJson(response, 404, { error: `no route ${url.pathname}; GraphQL is at /graphql` });
  }
}

async function handleGraphQL(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  apollo: ApolloServer<Context>,
  context: (principal: Principal | null) => Context,
  prisma: PrismaClient,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
  }

  const text = await readBody(request);
  if (text === undefined) {
    sendJson(response, 413, { error: `request body exceeds ${MAX_BODY_BYTES} bytes` });

    return;
  }

  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    sendJson(response, 400, { error: "request body is not valid JSON" });

    return;
  }

  if (Array.isArray(body) && body.length > QUERY_LIMITS.maxBatch) {
    const message = `a batch holds ${body.length} operations; the limit is ${QUERY_LIMITS.maxBatch}, so send the rest in another request`;
    sendJson(response, 400, {
      errors: [{ message, extensions: { code: ApiErrorCode.QUERY_LIMIT_EXCEEDED } }],
    });

    return;
  }

  const principal = await authenticateRequest(prisma, request);
  const result = await runAsTenant(tenantOf(principal), () =>
    apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
      context: async () => context(principal),
    }),
  );
  for (const [key, value] of result.headers) {
    response.setHeader(key, value);
  }

  response.statusCode = result.status ?? 200;
  if (result.body.kind === "complete") {
    response.end(result.body.string);

    return;
  }

  for await (const chunk of result.body.asyncIterator) {
    response.write(chunk);
  }

  response.end();
}

/** Streams a data set export when the path names one; returns whether it did. */
async function handleExport(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  prisma: PrismaClient,
): Promise<boolean> {
  const datasetId = EXPORT_PATH.exec(url.pathname)?.[1];
  if (datasetId === undefined || request.method !== "GET") {
    return false;
  }

  const principal = await authenticateRequest(prisma, request);
  await runAsTenant(tenantOf(principal), () =>
    sendDatasetExport(response, url, datasetId, principal, prisma),
  );

  return true;
}

function authenticateRequest(
  prisma: PrismaClient,
  request: IncomingMessage,
): Promise<Principal | null> {
  return authenticate(prisma, {
    authorization: request.headers.authorization,
    cookie: request.headers.cookie,
  });
}

/** Builds the row-level security settings of a principal; none for a signed-out request. */
function tenantOf(principal: Principal | null): Parameters<typeof runAsTenant>[0] {
  return principal
    ? {
        organizationId: principal.organizationId,
        userId: principal.userId,
        teamIds: principal.teamIds,
      }
    : {};
}

/** Reads the body as text; returns undefined when it exceeds MAX_BODY_BYTES. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      return undefined;
    }

    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString("utf8");
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve(`http://${host}:${actual}/graphql`);
    });
  });
}

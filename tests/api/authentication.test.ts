import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ApiServer, createLogger, createServer, LAST_USED_INTERVAL_MS } from "@ree/api";
import { createTenantPrismaClient, type PrismaClient } from "@ree/db";
import { parse, print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlRequest } from "../support/graphqlRequest.js";
import { startTestStack, type TestStack } from "../support/startTestStack.js";

/** A second API replica on the stack's database, with its own connection pool. */
interface Replica {
  url: string;
  server: ApiServer;
  prisma: PrismaClient;
}

let stack: TestStack;
let replica: Replica;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  const prisma = createTenantPrismaClient(stack.appDatabaseUrl);
  const server = await createServer({ prisma, logger: createLogger({ level: "silent" }) });
  replica = { url: await server.listen(0), server, prisma };
});

afterAll(async () => {
  await replica?.server.stop();
  await replica?.prisma.$disconnect();
  await stack?.stop();
});

const DatasetCount = document<{ datasets: { totalCount: number } }, Record<string, never>>(
  "{ datasets { totalCount } }",
);
const RevokeToken = document<unknown, { id: string }>(
  "mutation($id: ID!) { revokeApiToken(id: $id) { id } }",
);
const ViewerEmail = `{ viewer { email } }`;

describe("revocation across replicas", () => {
  it("rejects a revoked token on another replica", async () => {
    const user = await stack.createUser(stack.organizationId, "EDITOR");
    const token = await stack.prisma.apiToken.findFirstOrThrow({ where: { userId: user.userId } });
    // Both replicas serve the token, so each has read it (and its memberships) before.
    const before = await Promise.all(
      [stack.apiUrl, replica.url].map((url) => graphqlRequest(url, DatasetCount, {}, user.token)),
    );

    const revoked = await graphqlRequest(stack.apiUrl, RevokeToken, { id: token.id });
    const after = await graphqlRequest(replica.url, DatasetCount, {}, user.token);

    expect(before.map((response) => response.errors)).toEqual([undefined, undefined]);
    expect(revoked.errors).toBeUndefined();
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("ends a session on another replica", async () => {
    const user = await stack.createUser(stack.organizationId, "VIEWER");
    const before = await postWithCookie(replica.url, ViewerEmail, user.sessionCookie);

    await postWithCookie(stack.apiUrl, "mutation { signOut }", user.sessionCookie);
    const after = await postWithCookie(replica.url, ViewerEmail, user.sessionCookie);

    expect(before).toEqual({ data: { viewer: { email: user.email } } });
    expect(after).toEqual({ data: { viewer: null } });
  });

  it("rejects the token of a departed member", async () => {
    const user = await stack.createUser(stack.organizationId, "VIEWER");
    const before = await graphqlRequest(replica.url, DatasetCount, {}, user.token);

    await stack.prisma.membership.deleteMany({ where: { userId: user.userId } });
    const after = await graphqlRequest(replica.url, DatasetCount, {}, user.token);

    expect(before.errors).toBeUndefined();
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("token use", () => {
  it("writes lastUsedAt once per interval", async () => {
    const user = await stack.createUser(stack.organizationId, "VIEWER");
    const lastUsedAt = async () =>
      (await stack.prisma.apiToken.findFirstOrThrow({ where: { userId: user.userId } })).lastUsedAt;

    await graphqlRequest(stack.apiUrl, DatasetCount, {}, user.token);
    const first = await lastUsedAt();
    await graphqlRequest(replica.url, DatasetCount, {}, user.token);
    await graphqlRequest(stack.apiUrl, DatasetCount, {}, user.token);
    const unchanged = await lastUsedAt();

    const longAgo = new Date(Date.now() - LAST_USED_INTERVAL_MS - 5_000);
    await stack.prisma.apiToken.updateMany({
      where: { userId: user.userId },
      data: { lastUsedAt: longAgo },
    });
    await graphqlRequest(replica.url, DatasetCount, {}, user.token);
    const renewed = await lastUsedAt();

    expect(first).toBeInstanceOf(Date);
    expect(unchanged).toEqual(first);
    expect(renewed?.getTime()).toBeGreaterThan(longAgo.getTime() + LAST_USED_INTERVAL_MS);
  });
});

function document<Result, Variables>(source: string): TypedDocumentNode<Result, Variables> {
  return parse(source) as TypedDocumentNode<Result, Variables>;
}

/** Posts an operation with a session cookie and no token, as the dashboard does. */
async function postWithCookie(url: string, query: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query: print(parse(query)) }),
  });

  return response.json();
}

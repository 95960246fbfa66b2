import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphqlData } from "../support/graphqlRequest.js";
import { importUsDemo, startSmallRun, waitForRun } from "../support/runs.js";
import { startTestStack, type TestStack, type TestUser } from "../support/startTestStack.js";
import {
  newSignedInPage,
  startWebAndBrowser,
  stopBrowserTest,
  type TestWeb,
} from "../support/startWeb.js";

let stack: TestStack;
let web: TestWeb;
let browser: Browser;
/** Users of a second lab, which the default organisation shares its model and data set with. */
let grantee: TestUser;
let granteeEditor: TestUser;
let datasetId: string;
let modelId: string;
/** The model's title as the dashboard shows it, with its kind in words. */
let modelTitle: string;

const SHARE = parse(
  "mutation($type: SharedResource!, $id: ID!) { share(input: { resourceType: $type, " +
    'resourceId: $id, granteeOrganizationSlug: "grantee-lab" }) { id } }',
) as TypedDocumentNode<{ share: { id: string } }, { type: string; id: string }>;
const REVOKE = parse("mutation($id: ID!) { revokeShare(id: $id) { id } }") as TypedDocumentNode<
  unknown,
  { id: string }
>;
const MODEL_NAME = parse("query($id: ID!) { model(id: $id) { name } }") as TypedDocumentNode<
  { model: { name: string } },
  { id: string }
>;

beforeAll(async () => {
  stack = await startTestStack();
  datasetId = await importUsDemo(stack.apiUrl, "Owner lab ashes");
  const run = await waitForRun(
    stack.apiUrl,
    await startSmallRun(stack.apiUrl, datasetId, { models: ["LINEAR"] }),
  );
  modelId = run.results[0]?.modelId ?? "";
  const { name } = (await graphqlData(stack.apiUrl, MODEL_NAME, { id: modelId })).model;
  modelTitle = name.replace(/^LINEAR from /, "Linear regression from ");

  const organization = await stack.prisma.organization.create({
    data: { slug: "grantee-lab", name: "Grantee lab" },
  });
  grantee = await stack.createUser(organization.id, "VIEWER");
  granteeEditor = await stack.createUser(organization.id, "EDITOR");
  await graphqlData(stack.apiUrl, SHARE, { type: "MODEL", id: modelId });

  ({ web, browser } = await startWebAndBrowser(stack.apiUrl));
});

afterAll(() => stopBrowserTest({ browser, web, stack }));

describe("shared model page", () => {
  it("shows another lab's shared model", async () => {
    const page = await newSignedInPage(browser, { apiUrl: stack.apiUrl, owner: grantee });
    await page.goto(`${web.url}/models/${modelId}`);

    await page.getByRole("heading", { level: 1, name: modelTitle }).waitFor({ timeout: 30_000 });
    const facts = await page.locator(".model-facts").innerText();
    expect(facts).toContain("Owner lab ashes");
    expect(facts).toContain("ree-workbench/model version");
    expect(await page.getByRole("heading", { name: "Training domain" }).count()).toBe(1);
    expect(await page.getByText("not found").count()).toBe(0);
  });

  it("keeps a run on a shared data set readable after revoking", async () => {
    const { share } = await graphqlData(stack.apiUrl, SHARE, { type: "DATASET", id: datasetId });
    const runId = await startSmallRun(
      stack.apiUrl,
      datasetId,
      { name: "Run on shared ashes", models: ["LINEAR"] },
      granteeEditor.token,
    );
    const run = await waitForRun(stack.apiUrl, runId, undefined, granteeEditor.token);
    await graphqlData(stack.apiUrl, REVOKE, { id: share.id });

    const page = await newSignedInPage(browser, { apiUrl: stack.apiUrl, owner: granteeEditor });
    await page.goto(`${web.url}/runs/${runId}`);
    await page.getByRole("heading", { level: 1, name: /Run on shared ashes/ }).waitFor();
    const facts = await page.locator("dl.facts").first().innerText();

    expect(run.status).toBe("SUCCEEDED");
    expect(facts).toContain("No longer shared");
    expect(facts).not.toContain("Owner lab ashes");
  });
});

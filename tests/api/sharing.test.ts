import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger, seedStudyModels, STUDY_ENSEMBLE_NAME } from "@ree/api";

import { graphqlRequest, type GraphQLResponse } from "../support/graphqlRequest.js";
import {
  importUsDemo,
  readDataFile,
  startSmallRun,
  US_DEMO_FILE,
  waitForRun,
} from "../support/runs.js";
import { startTestStack, type TestStack, type TestUser } from "../support/startTestStack.js";

/** The lab that owns and shares, and the lab that reads, predicts and runs. */
interface Lab {
  organizationId: string;
  slug: string;
  owner: TestUser;
  editor: TestUser;
}

let stack: TestStack;
let owner: Lab;
let grantee: Lab;
let datasetId: string;
let runId: string;
let modelId: string;

beforeAll(async () => {
  stack = await startTestStack();
  owner = await createLab("owner-lab");
  grantee = await createLab("grantee-lab");
  datasetId = await importUsDemo(stack.apiUrl, "Owner's coal ashes", owner.owner.token);
  runId = await startSmallRun(stack.apiUrl, datasetId, { models: ["LINEAR"] }, owner.owner.token);
  const run = await waitForRun(stack.apiUrl, runId, undefined, owner.owner.token);
  modelId = run.results[0]?.modelId ?? "";
});

afterAll(async () => {
  await stack?.stop();
});

async function createLab(slug: string): Promise<Lab> {
  const organization = await stack.prisma.organization.create({ data: { slug, name: slug } });

  return {
    organizationId: organization.id,
    slug,
    owner: await stack.createUser(organization.id, "OWNER"),
    editor: await stack.createUser(organization.id, "EDITOR"),
  };
}

function request<Result = Record<string, unknown>>(
  source: string,
  variables: Record<string, unknown>,
  user: TestUser,
): Promise<GraphQLResponse<Result>> {
  const document = parse(source) as TypedDocumentNode<Result, Record<string, unknown>>;

  return graphqlRequest(stack.apiUrl, document, variables, user.token);
}

/** Shares a resource of the owner lab with the grantee lab and returns the share's id. */
async function share(
  resourceType: "DATASET" | "RUN" | "MODEL",
  resourceId: string,
  access: "READ" | "WRITE" = "READ",
): Promise<string> {
  const { data, errors } = await request<{ share: { id: string } }>(
    `mutation($type: SharedResource!, $id: ID!, $slug: String!, $access: ShareAccess!) {
      share(input: { resourceType: $type, resourceId: $id, granteeOrganizationSlug: $slug,
                     access: $access }) { id } }`,
    { type: resourceType, id: resourceId, slug: grantee.slug, access },
    owner.owner,
  );
  expect(errors).toBeUndefined();

  return data?.share.id ?? "";
}

async function revoke(shareId: string): Promise<void> {
  const { errors } = await request(
    "mutation($id: ID!) { revokeShare(id: $id) { id } }",
    { id: shareId },
    owner.owner,
  );
  expect(errors).toBeUndefined();
}

function tfjsModelJson(id: string, user: TestUser): Promise<Response> {
  return fetch(`${new URL(stack.apiUrl).origin}/models/${id}/tfjs/0/model.json`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
}

const MODEL = `query($id: ID!) { model(id: $id) { id name datasetId datasetName formatVersion
  domain { rows } tfjsModelPaths } }`;
const PREDICT = `mutation($id: ID!) { predict(modelId: $id, compositions: [{ label: "ash", oxides: [
  { oxide: "SiO2", molPercent: 60 }, { oxide: "Al2O3", molPercent: 25 },
  { oxide: "CaO", molPercent: 5 }, { oxide: "Fe2O3", molPercent: 5 },
  { oxide: "MgO", molPercent: 3 }, { oxide: "TiO2", molPercent: 1.5 },
  { oxide: "P2O5", molPercent: 0.5 }] }]) { label total { value sd } } }`;
const DATASET = `query($id: ID!) { dataset(id: $id) { id name version versions { number }
  statistics { column count } correlations { sampleCount }
  samples(first: 3) { totalCount nodes { label } } } }`;
const EXPORT = `query($id: ID!) { exportDataset(id: $id) }`;
const RUN = `query($id: ID!) { run(id: $id) { id status finishedRepetitions
  dataset { id } events { kind } results { kind modelId metrics { target } } } }`;

describe("resources shared with another organisation", () => {
  it("read like own until revoked", async () => {
    const reader = grantee.editor;
    const own = {
      model: await request(MODEL, { id: modelId }, owner.editor),
      dataset: await request(DATASET, { id: datasetId }, owner.editor),
      export: await request(EXPORT, { id: datasetId }, owner.editor),
      run: await request(RUN, { id: runId }, owner.editor),
    };
    const shares = [
      await share("MODEL", modelId),
      await share("DATASET", datasetId),
      await share("RUN", runId),
    ];

    expect(await request(MODEL, { id: modelId }, reader)).toEqual(own.model);
    expect(await request(DATASET, { id: datasetId }, reader)).toEqual(own.dataset);
    expect(await request(EXPORT, { id: datasetId }, reader)).toEqual(own.export);
    expect(await request(RUN, { id: runId }, reader)).toEqual(own.run);
    expect((await request(PREDICT, { id: modelId }, reader)).data).toEqual(
      (await request(PREDICT, { id: modelId }, owner.editor)).data,
    );
    expect((await tfjsModelJson(modelId, reader)).status).toBe(200);

    for (const id of shares) {
      await revoke(id);
    }

    expect((await request(MODEL, { id: modelId }, reader)).errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
    expect((await request(PREDICT, { id: modelId }, reader)).errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
    expect((await request(EXPORT, { id: datasetId }, reader)).errors?.[0]?.extensions?.code).toBe(
      "NOT_FOUND",
    );
    expect((await request(DATASET, { id: datasetId }, reader)).data?.dataset).toBeNull();
    expect((await request(RUN, { id: runId }, reader)).data?.run).toBeNull();
    expect((await tfjsModelJson(modelId, reader)).status).toBe(404);
  });

  it("seed a run that outlives the share", async () => {
    const shareId = await share("DATASET", datasetId);
    const ownRunId = await startSmallRun(
      stack.apiUrl,
      datasetId,
      { models: ["LINEAR"] },
      grantee.editor.token,
    );
    const finished = await waitForRun(stack.apiUrl, ownRunId, undefined, grantee.editor.token);
    const ownModelId = finished.results[0]?.modelId ?? "";

    expect(finished.status).toBe("SUCCEEDED");
    expect(finished.dataset?.id).toBe(datasetId);
    const stored = await stack.prisma.run.findUniqueOrThrow({
      where: { id: ownRunId },
      include: { models: true },
    });
    expect(stored.organizationId).toBe(grantee.organizationId);
    expect(stored.models.map((model) => model.organizationId)).toEqual([grantee.organizationId]);
    expect((await request(RUN, { id: ownRunId }, owner.owner)).data?.run).toBeNull();
    expect((await request(MODEL, { id: ownModelId }, owner.owner)).errors).toBeDefined();

    await revoke(shareId);
    const after = await request<{
      run: { status: string; dataset: unknown; results: unknown[] } | null;
    }>(RUN, { id: ownRunId }, grantee.editor);
    const again = await request(
      "mutation($id: ID!) { startRun(config: { datasetId: $id }) { id } }",
      { id: datasetId },
      grantee.editor,
    );

    expect(after.errors).toBeUndefined();
    expect(after.data?.run?.status).toBe("SUCCEEDED");
    expect(after.data?.run?.dataset).toBeNull();
    expect(after.data?.run?.results).toHaveLength(1);
    expect((await request(MODEL, { id: ownModelId }, grantee.editor)).errors).toBeUndefined();
    expect((await request(PREDICT, { id: ownModelId }, grantee.editor)).errors).toBeUndefined();
    expect(again.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("reject writes without a WRITE share", async () => {
    const longRunId = await startSmallRun(
      stack.apiUrl,
      datasetId,
      { models: ["MULTI_TASK"], repetitions: 30, network: { epochs: 5000 } },
      owner.owner.token,
    );
    const cancel = (user: TestUser) =>
      request<{ cancelRun: { status: string } }>(
        "mutation($id: ID!) { cancelRun(id: $id) { status } }",
        { id: longRunId },
        user,
      );
    const newVersion = () =>
      request(
        `mutation($id: ID!) { importDataset(input: { datasetId: $id,
          csv: "sample_id,SiO2_mol_pct\\nash,60" }) { id } }`,
        { id: datasetId },
        grantee.editor,
      );
    const reshare = () =>
      request(
        `mutation($id: ID!) { share(input: { resourceType: RUN, resourceId: $id,
          granteeOrganizationSlug: "owner-lab" }) { id } }`,
        { id: longRunId },
        grantee.owner,
      );

    const readShares = [await share("RUN", longRunId), await share("DATASET", datasetId)];
    expect((await cancel(grantee.editor)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await newVersion()).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await reshare()).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    for (const id of readShares) {
      await revoke(id);
    }

    await share("RUN", longRunId, "WRITE");
    const cancelled = await cancel(grantee.editor);
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data?.cancelRun.status).toBe("CANCELLED");
    const events = await stack.prisma.runEvent.findMany({ where: { runId: longRunId } });
    expect(events.map((event) => event.kind)).toContain("CANCELLED");
    expect(events.every((event) => event.organizationId === owner.organizationId)).toBe(true);
  });

  it("accept a WRITE grantee's new version", async () => {
    const csv = await readDataFile(US_DEMO_FILE);
    const newVersion = () =>
      request<{ importDataset: { id: string; version: number; sampleCount: number } }>(
        `mutation($id: ID!, $csv: String!) { importDataset(input: { datasetId: $id, csv: $csv })
          { id version sampleCount } }`,
        { id: datasetId, csv },
        grantee.editor,
      );
    const readShare = await share("DATASET", datasetId, "READ");
    const withRead = await newVersion();
    await revoke(readShare);
    const writeShare = await share("DATASET", datasetId, "WRITE");
    const withWrite = await newVersion();
    await revoke(writeShare);
    const afterRevoke = await newVersion();

    expect(withRead.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(withWrite.errors).toBeUndefined();
    expect(afterRevoke.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const version = await stack.prisma.datasetVersion.findFirstOrThrow({
      where: { datasetId, number: withWrite.data?.importDataset.version },
      include: { samples: { select: { organizationId: true } } },
    });
    expect(version.organizationId).toBe(owner.organizationId);
    expect(version.samples).toHaveLength(withWrite.data?.importDataset.sampleCount ?? -1);
    expect(version.samples.every((sample) => sample.organizationId === owner.organizationId)).toBe(
      true,
    );
    const seenByOwner = await request<{ dataset: { version: number } }>(
      DATASET,
      { id: datasetId },
      owner.editor,
    );
    expect(seenByOwner.data?.dataset.version).toBe(version.number);
    const audit = await stack.prisma.auditEvent.findMany({
      where: { action: "importDataset", resourceId: datasetId, userId: grantee.editor.userId },
    });
    expect(audit.map((entry) => entry.organizationId).sort()).toEqual(
      [owner.organizationId, grantee.organizationId].sort(),
    );
  });

  it("seed a grantee's transfer run", async () => {
    await seedStudyModels(stack.prisma, owner.organizationId, createLogger({ level: "silent" }));
    const ensemble = await stack.prisma.model.findFirstOrThrow({
      where: { organizationId: owner.organizationId, name: STUDY_ENSEMBLE_NAME },
    });
    const { data } = await request<{ importDataset: { id: string } }>(
      'mutation($csv: String!) { importDataset(input: { name: "Polish", csv: $csv }) { id } }',
      { csv: await readDataFile("song2024_franus2015_polish_molar.csv") },
      grantee.editor,
    );
    const transfer = () =>
      request<{ startRun: { id: string } }>(
        `mutation($datasetId: ID!, $parentModelId: ID!) { startRun(config: {
          datasetId: $datasetId, task: TRANSFER, network: { epochs: 50 },
          transfer: { parentModelId: $parentModelId, draws: 2, trainingSize: 6 } }) { id } }`,
        { datasetId: data?.importDataset.id, parentModelId: ensemble.id },
        grantee.editor,
      );

    expect((await transfer()).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const shareId = await share("MODEL", ensemble.id);
    const started = await transfer();
    const finished = await waitForRun(
      stack.apiUrl,
      started.data?.startRun.id ?? "",
      undefined,
      grantee.editor.token,
    );
    const stored = await stack.prisma.run.findUniqueOrThrow({ where: { id: finished.id } });
    await revoke(shareId);

    expect(started.errors).toBeUndefined();
    expect(finished.error).toBeNull();
    expect(finished.status).toBe("SUCCEEDED");
    expect(stored.organizationId).toBe(grantee.organizationId);
    expect(stored.parentModelId).toBe(ensemble.id);
    expect((await request(RUN, { id: finished.id }, owner.owner)).data?.run).toBeNull();
    expect((await transfer()).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("hide the data set from a third lab", async () => {
    const third = await createLab("third-lab");
    const datasetShare = await share("DATASET", datasetId);
    const granteeRunId = await startSmallRun(
      stack.apiUrl,
      datasetId,
      { models: ["LINEAR"] },
      grantee.editor.token,
    );
    await waitForRun(stack.apiUrl, granteeRunId, undefined, grantee.editor.token);
    await request(
      `mutation($id: ID!) { share(input: { resourceType: RUN, resourceId: $id,
        granteeOrganizationSlug: "third-lab" }) { id } }`,
      { id: granteeRunId },
      grantee.owner,
    );

    const seen = await request<{ run: { id: string; dataset: unknown } | null }>(
      "query($id: ID!) { run(id: $id) { id dataset { id } } }",
      { id: granteeRunId },
      third.editor,
    );
    expect(seen.data?.run?.id).toBe(granteeRunId);
    expect(seen.data?.run?.dataset).toBeNull();
    expect((await request(DATASET, { id: datasetId }, third.editor)).data?.dataset).toBeNull();
    await revoke(datasetShare);
  });
});

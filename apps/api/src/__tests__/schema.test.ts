import { readFile } from "node:fs/promises";

import * as documents from "@ree/schema/documents";
import { type DocumentNode, printSchema, validate } from "graphql";
import { describe, expect, it } from "vitest";

import { buildSchema } from "../schema.js";

const committedSchema = new URL("../../../../packages/schema/schema.graphql", import.meta.url);

describe("GraphQL contract", () => {
  it("matches the committed schema.graphql", async () => {
    const schema = await buildSchema();

    // When this fails, run `npm run emit-schema -w @ree/api` and commit the result.
    expect(`${printSchema(schema)}\n`).toBe(await readFile(committedSchema, "utf8"));
  });

  it("validates every client document", async () => {
    const schema = await buildSchema();
    const operations = Object.entries(documents).filter(
      (entry): entry is [string, DocumentNode] =>
        typeof entry[1] === "object" && (entry[1] as DocumentNode).kind === "Document",
    );

    expect(operations.length).toBeGreaterThanOrEqual(8);
    for (const [name, document] of operations) {
      expect(validate(schema, document), name).toEqual([]);
    }
  });
});

import * as documents from "@ree/schema/documents";
import { type DocumentNode, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";

import { queryLimits } from "../queryLimits.js";
import { buildSchema } from "../schema.js";

describe("query limits", () => {
  it("accept every client document", async () => {
    const schema = await buildSchema();
    const rules = [...specifiedRules, ...queryLimits().validationRules];
    const operations = Object.entries(documents).filter(
      (entry): entry is [string, DocumentNode] =>
        typeof entry[1] === "object" && (entry[1] as DocumentNode).kind === "Document",
    );

    for (const [name, document] of operations) {
      expect(validate(schema, document, rules), name).toEqual([]);
    }
  });

  it("reject an operation 11 levels deep", async () => {
    const schema = await buildSchema();
    const deep = parse(`{ ${"run(id: 1) { dataset { ".repeat(5)}id${" } }".repeat(5)} }`);
    const messages = validate(schema, deep, queryLimits().validationRules).map((e) => e.message);

    expect(messages).toContain("Syntax Error: Query depth limit of 10 exceeded, found 11.");
  });
});

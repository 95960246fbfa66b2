import { writeFile } from "node:fs/promises";

import { printSchema } from "graphql";

import { buildSchema } from "../schema.js";

/** Writes the SDL to packages/schema/schema.graphql, the committed contract for clients. */
const target = new URL("../../../../packages/schema/schema.graphql", import.meta.url);
const schema = await buildSchema();
await writeFile(target, `${printSchema(schema)}\n`);
console.log(`wrote ${target.pathname}`);

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { ImportedSample } from "@ree/core-ml";
import type { TenantConnection } from "@ree/db";
import { from as copyFrom } from "pg-copy-streams";

export interface SampleOwner {
  organizationId: string;
  datasetId: string;
  versionId: string;
}

/** Bytes of COPY text gathered before one write to the connection. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Streams samples into the Sample table on a connection of runTenantTransaction. PostgreSQL
 * refuses COPY FROM into a table with row-level security, so COPY fills a temporary table
 * of this transaction, and one INSERT ... SELECT moves the rows on, under the policies of the
 * current tenant. Rows are written as they are read, and the temporary table spills to disk,
 * so memory stays bounded whatever the file's size. A rollback removes every row. Returns the
 * number of samples stored. An error of the samples' iterator cancels the COPY and is thrown
 * again.
 */
export async function copySamples(
  connection: TenantConnection,
  samples: AsyncIterable<ImportedSample>,
  owner: SampleOwner,
): Promise<number> {
  await connection.query(
    'CREATE TEMPORARY TABLE "ImportedSample" ("position" int, "label" text, "values" float8[], ' +
      '"metadata" jsonb) ON COMMIT DROP',
  );
  const counter = { count: 0 };
  await pipeline(
    Readable.from(copyText(samples, counter)),
    connection.query(copyFrom('COPY "ImportedSample" FROM STDIN')),
  );
  await connection.query(
    'INSERT INTO "Sample" ("id", "organizationId", "datasetId", "versionId", "position", ' +
      '"label", "values", "metadata") ' +
      'SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, s."position", s."label", ' +
      's."values", s."metadata" FROM "ImportedSample" s',
    [owner.organizationId, owner.datasetId, owner.versionId],
  );

  return counter.count;
}

async function* copyText(
  samples: AsyncIterable<ImportedSample>,
  counter: { count: number },
): AsyncGenerator<string> {
  let chunk = "";
  for await (const sample of samples) {
    chunk += copyRow(sample, counter.count);
    counter.count += 1;
    if (chunk.length >= CHUNK_BYTES) {
      yield chunk;
      chunk = "";
    }
  }

  if (chunk !== "") {
    yield chunk;
  }
}

/**
 * Formats one row in COPY's text format. Values travel as an array literal of the shortest decimal
 * form that reads back to the same float8.
 */
function copyRow(sample: ImportedSample, position: number): string {
  const values = `{${sample.values.join(",")}}`;
  const metadata = escapeCopy(JSON.stringify(sample.metadata));

  return `${position}\t${escapeCopy(sample.label)}\t${values}\t${metadata}\n`;
}

/** Escapes the characters that COPY's text format gives a meaning: backslash, tab, CR, LF. */
function escapeCopy(text: string): string {
  return /[\\\t\r\n]/.test(text)
    ? text.replace(
        /[\\\t\r\n]/g,
        (c) => ({ "\\": "\\\\", "\t": "\\t", "\r": "\\r", "\n": "\\n" })[c] ?? c,
      )
    : text;
}

import type { ImportSource } from "@ree/core-ml";
import type { ImportFileInput } from "@ree/schema/types";

import type { Context } from "../context.js";
import { ApiError } from "../errors/ApiError.js";
import { readImportFile } from "./readImportRequest.js";

export interface ImportFileChoice {
  file?: ImportFileInput | null;
  uploadId?: string | null;
  /** Sheet of an uploaded XLSX file. */
  sheet?: string | null;
}

/**
 * Opens the table of an import request: an uploaded file of the caller by its id, or a file
 * sent inline. Another user's or organisation's upload is not found, as an unknown one is.
 * Returns undefined when the request gives neither.
 */
export async function openImportFile(
  context: Pick<Context, "uploads" | "userId" | "organizationId">,
  choice: ImportFileChoice,
): Promise<ImportSource | undefined> {
  const { file, uploadId, sheet } = choice;
  if (file && uploadId) {
    throw ApiError.badInput("give file or uploadId, not both");
  }

  if (!uploadId) {
    return file ? readImportFile(file) : undefined;
  }

  const owner = { userId: context.userId ?? "", organizationId: context.organizationId };
  const upload = await context.uploads.find(uploadId, owner);
  if (!upload) {
    throw ApiError.notFound("upload", uploadId);
  }

  return context.uploads.open(upload, sheet ?? undefined);
}

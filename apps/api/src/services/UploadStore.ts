import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type { ImportSource } from "@ree/core-ml";

import { isUuid } from "./findOwned.js";

/** Settings of the upload store: folder, size limit and lifetime. */
export interface UploadSettings {
  /**
   * Folder of the files, created when missing.
   * @default join(os.tmpdir(), "ree-uploads")
   */
  directory: string;
  /**
   * Largest file accepted, in bytes; env REE_UPLOAD_MAX_BYTES.
   * @default 268435456 (256 MiB, about 1.5 million rows of a wide table)
   */
  maxBytes: number;
  /**
   * Minutes an upload lives before it is deleted unimported; env REE_UPLOAD_TTL_MINUTES.
   * @default 60
   */
  ttlMinutes: number;
}

export const UPLOAD_MAX_BYTES_VARIABLE = "REE_UPLOAD_MAX_BYTES";

/** Reads the settings from the environment; each number must be a positive integer. */
export function readUploadSettings(env: NodeJS.ProcessEnv = process.env): UploadSettings {
  return {
    directory: env.REE_UPLOAD_DIR || join(tmpdir(), "ree-uploads"),
    maxBytes: readPositive(env, UPLOAD_MAX_BYTES_VARIABLE, 256 * 1024 * 1024),
    ttlMinutes: readPositive(env, "REE_UPLOAD_TTL_MINUTES", 60),
  };
}

function readPositive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") {
    return fallback;
  }

  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} is "${text}"; set it to a positive integer or leave it unset`);
  }

  return value;
}

/** The user and organisation an upload belongs to; no one else finds it. */
export interface UploadOwner {
  userId: string;
  organizationId: string;
}

export interface Upload extends UploadOwner {
  id: string;
  /** The file's name as the client sent it. */
  name: string;
  bytes: number;
  /** ms since the epoch. */
  createdAt: number;
}

/** Thrown while a body streams in when it passes maxBytes; the partial file is deleted. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(
      `the file exceeds the upload limit of ${maxBytes} bytes; split it, or raise ` +
        `${UPLOAD_MAX_BYTES_VARIABLE} on the API server`,
    );
  }
}

/**
 * Uploaded files on disk, each beside a JSON record of its owner. A file is written as it
 * streams in and read back as a stream, so neither step keeps it in memory. Uploads are
 * deleted after a successful import, and any older than ttlMinutes when the next one arrives
 * or when they are looked up.
 */
export class UploadStore {
  constructor(readonly settings: UploadSettings) {}

  /** Writes a request body to disk; throws UploadTooLargeError past maxBytes. */
  async receive(body: Readable, owner: UploadOwner, name: string): Promise<Upload> {
    await mkdir(this.settings.directory, { recursive: true });
    await this.deleteExpired();

    const id = randomUUID();
    const counter = new ByteLimit(this.settings.maxBytes);
    try {
      await pipeline(body, counter, createWriteStream(this.filePath(id), { flags: "wx" }));
    } catch (error) {
      await this.delete(id);
      throw error;
    }

    const upload: Upload = { id, ...owner, name, bytes: counter.bytes, createdAt: Date.now() };
    await writeFile(this.recordPath(id), JSON.stringify(upload), { flag: "wx" });

    return upload;
  }

  /** Returns the caller's upload of that id, or null when it is another's, expired or unknown. */
  async find(id: string, owner: UploadOwner): Promise<Upload | null> {
    if (!isUuid(id)) {
      return null;
    }

    const upload = await readRecord(this.recordPath(id));
    if (
      !upload ||
      upload.userId !== owner.userId ||
      upload.organizationId !== owner.organizationId
    ) {
      return null;
    }

    if (this.isExpired(upload)) {
      await this.delete(id);

      return null;
    }

    return upload;
  }

  /** Opens the file as an import source: CSV streams from disk, XLSX is read whole. */
  async open(upload: Upload, sheet?: string): Promise<ImportSource> {
    const path = this.filePath(upload.id);
    if (/\.xlsx$/i.test(upload.name)) {
      return { format: "xlsx", bytes: await readFile(path), sheet };
    }

    return { format: "csv", chunks: createReadStream(path) };
  }

  async delete(id: string): Promise<void> {
    await rm(this.recordPath(id), { force: true });
    await rm(this.filePath(id), { force: true });
  }

  private async deleteExpired(): Promise<void> {
    for (const entry of await readdir(this.settings.directory)) {
      const id = entry.replace(/\.(upload|json)$/, "");
      const path = this.filePath(id);
      const info = isUuid(id) ? await stat(path).catch(() => null) : null;
      if (info && Date.now() - info.mtimeMs > this.ttlMs()) {
        await this.delete(id);
      }
    }
  }

  private isExpired(upload: Upload): boolean {
    return Date.now() - upload.createdAt > this.ttlMs();
  }

  private ttlMs(): number {
    return this.settings.ttlMinutes * 60_000;
  }

  private filePath(id: string): string {
    return join(this.settings.directory, `${id}.upload`);
  }

  private recordPath(id: string): string {
    return join(this.settings.directory, `${id}.json`);
  }
}

async function readRecord(path: string): Promise<Upload | null> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as Upload;
  } catch {
    return null;
  }
}

/** Passes bytes through, failing with UploadTooLargeError once more than maxBytes went by. */
class ByteLimit extends Transform {
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    done: (error: Error | null, chunk?: Buffer) => void,
  ): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      done(new UploadTooLargeError(this.maxBytes));

      return;
    }

    done(null, chunk);
  }
}

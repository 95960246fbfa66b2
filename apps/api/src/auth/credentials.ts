import { createHash, randomBytes } from "node:crypto";

import { hash, verify } from "@node-rs/argon2";

/** Shortest password accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 10;

/** Hashes a password with Argon2id (the library's default) into a PHC string. */
export function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new RangeError(
      `The password has ${password.length} characters; use at least ${MIN_PASSWORD_LENGTH}.`,
    );
  }

  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/**
 * A new random secret for a session cookie or an API token (32 bytes, base64url), with the
 * SHA-256 hash under which it is stored. A stolen database contains no usable secret.
 */
export function newSecret(prefix: string): { secret: string; hash: string } {
  const secret = `${prefix}${randomBytes(32).toString("base64url")}`;

  return { secret, hash: hashSecret(secret) };
}

/** SHA-256 of a secret, hex; secrets are random, so no salt or slow hash is needed. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export const SESSION_COOKIE = "ree_session";

/** How long a session lasts without signing in again, in seconds: 14 days. */
export const SESSION_SECONDS = 14 * 24 * 3600;

/**
 * The Set-Cookie value that stores a session token. HttpOnly keeps it from scripts, SameSite=Lax
 * from other sites' requests, and Secure from plain HTTP except on loopback, which browsers
 * treat as secure.
 */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${SESSION_SECONDS}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) {
      return value.join("=");
    }
  }

  return undefined;
}

/** Parses a postgresql:// URL, naming the URL (password hidden) in the error. */
function parseDatabaseUrl(databaseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error(
      `Invalid database URL "${redactDatabaseUrl(databaseUrl)}". ` +
        `Expected the form postgresql://user@host:port/database.`,
    );
  }

  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(
      `Invalid database URL ${redactDatabaseUrl(databaseUrl)}: the scheme must be postgresql:.`,
    );
  }

  return url;
}

/** Returns the database name in the URL's path, percent-decoded. */
export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(parseDatabaseUrl(databaseUrl).pathname.replace(/^\//, ""));
  if (name === "" || name.includes("/")) {
    throw new Error(
      `Invalid database URL ${redactDatabaseUrl(databaseUrl)}: the path must name exactly one ` +
        `database, as in postgresql://user@host:port/database.`,
    );
  }

  return name;
}

/** Returns the URL with its database replaced. User, host, port and query stay as they are. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = parseDatabaseUrl(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Returns the URL with any password replaced by "***", for messages and logs. */
export function redactDatabaseUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return databaseUrl.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
  }

  if (url.password !== "") {
    url.password = "***";
  }

  return url.toString();
}

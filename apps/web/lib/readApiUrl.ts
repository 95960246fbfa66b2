/** GraphQL endpoint of the API when REE_API_URL is unset: the API's own default address. */
export const DEFAULT_API_URL = "http://127.0.0.1:4000/graphql";

/**
 * Reads the GraphQL endpoint from REE_API_URL at request time, so one build serves any
 * deployment. The browser calls this URL directly, so it must be reachable from the user's
 * machine, not only from the Next.js server.
 */
export function readApiUrl(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const configured = env.REE_API_URL?.trim();
  const apiUrl = configured === undefined || configured === "" ? DEFAULT_API_URL : configured;

  if (!URL.canParse(apiUrl)) {
    throw new TypeError(
      `REE_API_URL must be an absolute URL such as ${DEFAULT_API_URL}, got "${apiUrl}"`,
    );
  }

  return apiUrl;
}

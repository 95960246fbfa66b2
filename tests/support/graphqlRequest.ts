import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export interface GraphQLResponse<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** API token sent to each endpoint when a call names none; set by startTestStack. */
const defaultTokens = new Map<string, string>();

export function setDefaultToken(url: string, token: string): void {
  defaultTokens.set(url, token);
}

/**
 * Posts an operation over HTTP, as any client would, with `Authorization: Bearer <token>`:
 * the given token, else the endpoint's default one. A token of "" sends none.
 */
export async function graphqlRequest<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  token: string | undefined = defaultTokens.get(url),
): Promise<GraphQLResponse<Result>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }

  const response = await fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify({ query: print(document), variables }),
  });

  return (await response.json()) as GraphQLResponse<Result>;
}

/** Like graphqlRequest, but fails with the server's messages when the response has errors. */
export async function graphqlData<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  token?: string,
): Promise<Result> {
  const { data, errors } = await graphqlRequest(url, document, variables, token);
  if (errors?.length || !data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  }

  return data;
}

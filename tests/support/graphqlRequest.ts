import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export interface GraphQLResponse<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Posts an operation over HTTP, as any client would. */
export async function graphqlRequest<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<GraphQLResponse<Result>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: print(document), variables }),
  });

  return (await response.json()) as GraphQLResponse<Result>;
}

/** Like graphqlRequest, but fails with the server's messages when the response has errors. */
export async function graphqlData<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> {
  const { data, errors } = await graphqlRequest(url, document, variables);
  if (errors?.length || !data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
  }

  return data;
}

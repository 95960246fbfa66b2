"use client";

import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { relayStylePagination } from "@apollo/client/utilities";
import { useState, type ReactNode } from "react";

import { ApiUrlContext } from "../lib/apiUrlContext";

export interface ApolloClientProviderProps {
  /** GraphQL endpoint, read by the root layout at request time. */
  apiUrl: string;
  children: ReactNode;
}

/**
 * Provides one Apollo Client per page load to the components below it. Queries run in the
 * browser only. During server rendering the hooks return their loading state.
 */
export function ApolloClientProvider({ apiUrl, children }: ApolloClientProviderProps) {
  const [client] = useState(() => createApolloClient(apiUrl));

  return (
    <ApiUrlContext value={apiUrl}>
      <ApolloProvider client={client}>{children}</ApolloProvider>
    </ApiUrlContext>
  );
}

function createApolloClient(apiUrl: string): ApolloClient {
  return new ApolloClient({
    // The session cookie is HttpOnly; "include" sends it to the API on its own port.
    link: new HttpLink({ uri: apiUrl, credentials: "include" }),
    cache: new InMemoryCache({
      typePolicies: {
        // The Runs list selects fewer progress fields than the Run page, so a plain replace
        // would drop the Run page's fields. RunProgress has no id, so it is not normalised.
        RunProgress: { merge: true },
        // "Load more" appends the next page of these lists to the cached one. A request for
        // the first page (no cursor) replaces the list, as a fresh load of the page does.
        // Each name filter keeps its own list.
        Query: {
          fields: {
            datasets: relayStylePagination(["name"]),
            models: relayStylePagination(["name", "kind"]),
          },
        },
      },
    }),
    defaultOptions: {
      // Runs progress and new data sets and models appear while the app is open, so every
      // page shows cached data at once and refreshes it from the API.
      watchQuery: { fetchPolicy: "cache-and-network" },
    },
  });
}

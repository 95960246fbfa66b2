import { CombinedGraphQLErrors, type ErrorLike } from "@apollo/client";
import { use } from "react";

import { ApiUrlContext } from "../lib/apiUrlContext";

export interface QueryErrorProps {
  error: ErrorLike;
  /** Name of the data that failed to load, read after "Could not load", e.g. "the data sets". */
  subject: string;
}

/**
 * Alert for a failed GraphQL operation. Errors that the API returned are shown as they are.
 * Any other error (network, HTTP status, unreadable response) also names the endpoint.
 */
export function QueryError({ error, subject }: QueryErrorProps) {
  const apiUrl = use(ApiUrlContext);
  const fromApi = CombinedGraphQLErrors.is(error);

  return (
    <div role="alert" className="alert">
      <p>
        Could not load {subject}: {error.message}
      </p>
      {fromApi ? null : (
        <p>
          Check that the GraphQL API is running at <code>{apiUrl}</code> (set REE_API_URL to change
          it) and reload the page.
        </p>
      )}
    </div>
  );
}

import { CombinedGraphQLErrors, type ErrorLike, ServerError } from "@apollo/client";
import { use, type ReactNode } from "react";

import { ApiUrlContext } from "../lib/apiUrlContext";

export interface ApiErrorAlertProps {
  error: ErrorLike;
  /** Sentence before the messages, e.g. "The API rejected the run:". */
  lead: string;
  /** Shown under the messages, e.g. the row of a file that an error names. */
  children?: ReactNode;
}

/**
 * Alert for a failed mutation. Messages that the API returned are shown verbatim, one per error,
 * and so is the body of an HTTP error. Any other error (no connection, unreadable response) also
 * names the endpoint.
 */
export function ApiErrorAlert({ error, lead, children }: ApiErrorAlertProps) {
  const apiUrl = use(ApiUrlContext);

  if (CombinedGraphQLErrors.is(error)) {
    return (
      <div role="alert" className="alert">
        <p>{lead}</p>
        <ul className="api-messages">
          {error.errors.map((graphQLError, index) => (
            <li key={index}>{graphQLError.message}</li>
          ))}
        </ul>
        {children}
      </div>
    );
  }

  if (ServerError.is(error)) {
    return (
      <div role="alert" className="alert">
        <p>{lead}</p>
        <p>
          HTTP status {error.statusCode}: <code>{error.bodyText}</code>
        </p>
      </div>
    );
  }

  return (
    <div role="alert" className="alert">
      <p>
        {lead} {error.message}
      </p>
      <p>
        Check that the GraphQL API is running at <code>{apiUrl}</code> (set REE_API_URL to change
        it) and try again.
      </p>
    </div>
  );
}

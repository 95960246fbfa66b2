import { createContext } from "react";

import { DEFAULT_API_URL } from "./readApiUrl";

/** GraphQL endpoint in use, for error messages that tell the user where the API was expected. */
export const ApiUrlContext = createContext<string>(DEFAULT_API_URL);

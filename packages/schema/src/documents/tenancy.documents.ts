import { typedDocument } from "./typed.js";
import type { Viewer } from "./types.js";

const VIEWER_FIELDS = `
  userId
  email
  name
  organization {
    id
    slug
    name
  }
  team {
    id
    name
  }
  role
  memberships {
    organization {
      id
      slug
      name
    }
    team {
      id
      name
    }
    role
  }
`;

export const ViewerDocument = typedDocument<{ viewer: Viewer | null }, Record<string, never>>(`
  query Viewer {
    viewer {
      ${VIEWER_FIELDS}
    }
  }
`);

export const SignInDocument = typedDocument<
  { signIn: Viewer },
  { email: string; password: string }
>(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      ${VIEWER_FIELDS}
    }
  }
`);

export const SignOutDocument = typedDocument<{ signOut: boolean }, Record<string, never>>(`
  mutation SignOut {
    signOut
  }
`);

export const SwitchOrganizationDocument = typedDocument<
  { switchOrganization: Viewer },
  { organizationId: string; teamId?: string | null }
>(`
  mutation SwitchOrganization($organizationId: ID!, $teamId: ID) {
    switchOrganization(organizationId: $organizationId, teamId: $teamId) {
      ${VIEWER_FIELDS}
    }
  }
`);

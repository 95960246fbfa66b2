"use client";

import { useMutation, useQuery } from "@apollo/client/react";
import { SignOutDocument, SwitchOrganizationDocument, ViewerDocument } from "@ree/schema/documents";
import Link from "next/link";

/**
 * The signed-in user's organisations and teams; choosing one makes it active for every later
 * request. Shows a sign-in link when signed out.
 */
export function OrganizationSwitcher() {
  const { data } = useQuery(ViewerDocument);
  const [switchOrganization] = useMutation(SwitchOrganizationDocument);
  const [signOut] = useMutation(SignOutDocument);
  if (data === undefined) {
    // Still loading, or the API is unreachable, which each page reports. A sign-in link would
    // suggest that the user is signed out.
    return null;
  }

  const viewer = data.viewer;
  if (!viewer) {
    return <Link href="/sign-in">Sign in</Link>;
  }

  const current = `${viewer.organization.id}/${viewer.team?.id ?? ""}`;
  const choose = async (value: string) => {
    const [organizationId = "", teamId = ""] = value.split("/");
    await switchOrganization({ variables: { organizationId, teamId: teamId || null } });
    window.location.reload();
  };

  return (
    <span className="organization-switcher">
      <select
        aria-label="Organisation"
        value={current}
        onChange={(event) => void choose(event.target.value)}
      >
        {viewer.memberships.map(({ organization, team }) => (
          <option
            key={`${organization.id}/${team?.id ?? ""}`}
            value={`${organization.id}/${team?.id ?? ""}`}
          >
            {team ? `${organization.name} / ${team.name}` : organization.name}
          </option>
        ))}
      </select>
      <span>{viewer.email}</span>
      <button
        type="button"
        onClick={() => void signOut().then(() => window.location.assign("/sign-in"))}
      >
        Sign out
      </button>
    </span>
  );
}

import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

export const Role = {
  OWNER: "OWNER",
  EDITOR: "EDITOR",
  VIEWER: "VIEWER",
} as const;
export type Role = (typeof Role)[keyof typeof Role];
registerEnumType(Role, {
  name: "Role",
  description: "Viewers read, editors also write, owners also manage members, tokens and shares.",
});

export const ShareAccess = { READ: "READ", WRITE: "WRITE" } as const;
export type ShareAccess = (typeof ShareAccess)[keyof typeof ShareAccess];
registerEnumType(ShareAccess, { name: "ShareAccess" });

export const SharedResource = { DATASET: "DATASET", RUN: "RUN", MODEL: "MODEL" } as const;
export type SharedResource = (typeof SharedResource)[keyof typeof SharedResource];
registerEnumType(SharedResource, { name: "SharedResource" });

@ObjectType({ description: "A lab: members, data, runs and models belong to one." })
export class Organization {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType()
export class Team {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: "A user's role in an organisation, or their place in one team of it." })
export class Membership {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => Team, { nullable: true })
  team!: Team | null;

  @Field(() => Role)
  role!: Role;
}

@ObjectType({ description: "The signed-in user and the organisation the request acts in." })
export class Viewer {
  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Organization)
  organization!: Organization;

  @Field(() => Team, { nullable: true, description: "Team chosen in the switcher, if any." })
  team!: Team | null;

  @Field(() => Role)
  role!: Role;

  @Field(() => [Membership])
  memberships!: Membership[];
}

@ObjectType({ description: "An API token; its secret is shown only once, at creation." })
export class ApiToken {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "Email of the user the token acts as." })
  userEmail!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => ApiToken)
  token!: ApiToken;

  @Field(() => String, { description: "Send as `Authorization: Bearer <secret>`." })
  secret!: string;
}

@ObjectType({ description: "Access to a data set, run or model granted to a team or a lab." })
export class Share {
  @Field(() => ID)
  id!: string;

  @Field(() => SharedResource)
  resourceType!: SharedResource;

  @Field(() => ID)
  resourceId!: string;

  @Field(() => ID, { nullable: true })
  granteeOrganizationId!: string | null;

  @Field(() => ID, { nullable: true })
  granteeTeamId!: string | null;

  @Field(() => ShareAccess)
  access!: ShareAccess;

  @Field(() => Date)
  createdAt!: Date;
}

@InputType({ description: "Give granteeOrganizationSlug or granteeTeamId, not both." })
export class ShareInput {
  @Field(() => SharedResource)
  resourceType!: SharedResource;

  @Field(() => ID)
  resourceId!: string;

  @Field(() => String, { nullable: true, description: "Slug of the organisation to share with." })
  granteeOrganizationSlug?: string | null;

  @Field(() => ID, { nullable: true })
  granteeTeamId?: string | null;

  @Field(() => ShareAccess, { nullable: true, description: "Default READ." })
  access?: ShareAccess | null;
}

@ObjectType({ description: "One change: who did what to which resource, and when." })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "Email of the user; null once deleted." })
  userEmail!: string | null;

  @Field(() => String, { description: 'The mutation, e.g. "importDataset" or "share".' })
  action!: string;

  @Field(() => String)
  resourceType!: string;

  @Field(() => String)
  resourceId!: string;

  @Field(() => Date)
  createdAt!: Date;
}

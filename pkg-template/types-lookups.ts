// What a session shows of one thing: `session.user/group/app/tenant(id)` and
// `session.flows()` (src/session/lookups.rs): only what the person may see; anything else
// is `null`, as an id that exists nowhere. Re-exported by types.ts.
import type { FlowRole } from "./guestpass.js";
import type { Cloud, Id, JoinPolicy, SelfService, SingleSignOn, Trigger, UsGovernment, UserType } from "./types-world.js";

/** A person as `session.user(id)` shows them. */
export interface UserInfo {
  id: Id;
  displayName: string;
  givenName?: string;
  surname?: string;
  /** The real address. */
  mail?: string;
  userPrincipalName: string;
  userType: UserType;
  /** A guest's home tenant, when known. */
  homeTenantId?: Id;
  /** Present (`true`) for a guest whose invitation is not redeemed yet. */
  pending?: true;
  jobTitle?: string;
}

/** A group as `session.group(id)` shows it (without its member and owner lists). */
export interface GroupInfo {
  id: Id;
  displayName: string;
  description?: string;
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes: string[];
  onPremisesSyncEnabled: boolean;
  joinPolicy: JoinPolicy;
  /** The signed-in person belongs to it (nested groups counting). */
  isMember: boolean;
  /** The signed-in person owns it. */
  isOwner: boolean;
}

/** An app as `session.app(id)` shows it. */
export interface AppInfo {
  id: Id;
  displayName: string;
  singleSignOn: SingleSignOn;
  /** Self-service access, when configured. */
  selfService?: SelfService;
  /** The signed-in person owns it. */
  isOwner: boolean;
}

/** A tenant as `session.tenant(id)` shows it: the one signed into, or a guest's home tenant. */
export interface TenantInfo {
  id: Id;
  displayName: string;
  cloud: Cloud;
  usGovernment?: UsGovernment;
}

/** A flow the signed-in person holds a role on (`session.flows()`). */
export interface MyFlow {
  id: Id;
  displayName: string;
  trigger: Trigger;
  enabled: boolean;
  /** Their strongest role on it. */
  role: FlowRole;
  /** The groups the role came through, from their own group up; `[]` for a direct role. */
  via: Id[];
}

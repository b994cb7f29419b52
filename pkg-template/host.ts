// Host adapters: the context a Teams tab or a SharePoint Framework web part is given,
// mapped to a guestpass sign-in. Pure mapping, no WebAssembly.
//
// Shapes, from the hosts' own references:
// - Teams: `app.Context` of @microsoft/teams-js v2 (packages/teams-js/src/public/app/app.ts,
//   https://learn.microsoft.com/javascript/api/@microsoft/teams-js/app.context):
//   `user?: UserInfo` with `id` ("The Microsoft Entra object id of the current user"),
//   `userPrincipalName?`, `loginHint?` and `tenant?: TenantInfo` whose `id` is "The
//   Microsoft Entra tenant ID of the current user"; `app.host.name` is the `HostName`
//   ("Teams", "Outlook", "Office", …). A context of a tab hosted in SharePoint also carries
//   `sharepoint` (the SharePoint PageContext); `user` is what we read.
// - SharePoint Framework: `PageContext` of @microsoft/sp-page-context
//   (https://learn.microsoft.com/javascript/api/sp-page-context/pagecontext): `aadInfo`
//   (`AzureActiveDirectoryInfo`, undefined when the page has no Entra tenant) with
//   `tenantId: Guid` and `userId: Guid`
//   (https://learn.microsoft.com/javascript/api/sp-page-context/azureactivedirectoryinfo),
//   and `user: SPUser` with `loginName` ("user@domain.com" online), `email` and
//   `isExternalGuestUser`
//   (https://learn.microsoft.com/javascript/api/sp-page-context/spuser). `Guid` is an
//   object whose `toString()` is the id, so ids are read with `String(value)`.
import { GuestPassError } from "./errors.js";
import type { HomeFacts, HostContext, HostSignIn, SignInRequest } from "./types.js";

type Loose = Record<string, unknown> | undefined;

const asObject = (value: unknown): Loose =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;

/** A non-empty id from a string or a `Guid`-like object, else undefined. */
function idOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (value !== null && typeof value === "object" && typeof value.toString === "function" && value.toString !== Object.prototype.toString) {
    const text = String(value).trim();
    return text || undefined;
  }
  return undefined;
}

function missing(host: string, field: string): GuestPassError {
  return new GuestPassError(
    "HOST_CONTEXT_MISSING_FIELD",
    `the ${host} context has no ${field}; pass the whole context the host gave you ` +
      (host === "Teams"
        ? "(await app.getContext() from @microsoft/teams-js; user ids need the identity permission)"
        : "(this.context.pageContext of the web part, on a page with an Entra tenant)"),
    { field, host },
  );
}

function teams(ctx: Record<string, unknown>): HostSignIn {
  const user = asObject(ctx.user);
  if (!user) throw missing("Teams", "user");
  const tenantId = idOf(asObject(user.tenant)?.id);
  if (!tenantId) throw missing("Teams", "user.tenant.id");
  const users = [idOf(user.id), idOf(user.userPrincipalName), idOf(user.loginHint)].filter(
    (u): u is string => u !== undefined,
  );
  if (users.length === 0) throw missing("Teams", "user.id");
  const hostName = idOf(asObject(asObject(ctx.app)?.host)?.name) ?? "Teams";
  return { host: "teams", hostName, tenantId, users: [...new Set(users)] };
}

function sharePoint(page: Record<string, unknown>, field: (name: string) => string): HostSignIn {
  const aad = asObject(page.aadInfo);
  if (!aad) throw missing("SharePoint", field("aadInfo"));
  const tenantId = idOf(aad.tenantId);
  if (!tenantId) throw missing("SharePoint", field("aadInfo.tenantId"));
  const spUser = asObject(page.user);
  const users = [idOf(aad.userId), idOf(spUser?.loginName), idOf(spUser?.email)].filter(
    (u): u is string => u !== undefined,
  );
  if (users.length === 0) throw missing("SharePoint", field("aadInfo.userId"));
  return { host: "sharepoint", hostName: "SharePoint", tenantId, users: [...new Set(users)] };
}

/**
 * Reads who is signed in where from a host's context, without signing anyone in: a Teams
 * `app.Context`, a SharePoint Framework `pageContext`, or a web part context holding one
 * (`{ pageContext }`). Throws `GuestPassError` `HOST_CONTEXT_MISSING_FIELD` with
 * `details.field` naming what is missing (`"user.tenant.id"`, `"aadInfo.userId"`, …), or
 * `HOST_CONTEXT_UNKNOWN` for anything else.
 *
 * @example
 * ```ts
 * hostSignIn({ user: { id: "bob", tenant: { id: "contoso" } }, app: { host: { name: "Teams" } } });
 * // { host: "teams", hostName: "Teams", tenantId: "contoso", users: ["bob"] }
 * ```
 */
export function hostSignIn(ctx: HostContext): HostSignIn {
  const root = asObject(ctx);
  if (!root) {
    throw new GuestPassError("HOST_CONTEXT_UNKNOWN", "signInFromHost takes a Teams app.Context or a SharePoint pageContext object", {});
  }
  if ("aadInfo" in root) return sharePoint(root, (name) => name);
  const nested = asObject(root.pageContext);
  if (nested) return sharePoint(nested, (name) => `pageContext.${name}`);
  if ("user" in root || "app" in root) return teams(root);
  throw new GuestPassError(
    "HOST_CONTEXT_UNKNOWN",
    "signInFromHost takes a Teams app.Context (with user and app) or a SharePoint pageContext (with aadInfo); this object has neither",
    {},
  );
}

/**
 * Signs in the person `ctx` says is there, trying the identities it names in order (the
 * object id first, then the UPN / login name / mail) with `signIn`, and passing
 * `homeFacts` on. Only `USER_NOT_FOUND` moves on to the next identity; any other refusal
 * is the answer, and the last identity's `USER_NOT_FOUND` is thrown when none is known.
 * Internal: `Directory.signInFromHost`.
 */
export function signInFirstKnown<S>(ctx: HostContext, homeFacts: HomeFacts | undefined, signIn: (request: SignInRequest) => S): S {
  const { tenantId, users } = hostSignIn(ctx);
  let last: unknown;
  for (const user of users) {
    try {
      const request = homeFacts === undefined ? { tenantId, user } : { tenantId, user, homeFacts };
      return signIn(request);
    } catch (error) {
      // Only "not this identity" moves on to the next one; any other refusal is the answer.
      if (!(error instanceof GuestPassError) || error.code !== "USER_NOT_FOUND") throw error;
      last = error;
    }
  }
  throw last;
}

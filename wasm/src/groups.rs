//! Self-service groups for JavaScript: the administrator's settings and redeeming on
//! `Directory`, inviting, joining and reaching apps on `Session`.

use super::convert::{bool_arg, from_js, options_from_js, request_from_js, text_arg, to_js};
use super::directory::JsDirectory;
use super::error::throw;
use super::session::JsSession;
use guestpass::directory::Directory;
use guestpass::error::{Error, Result};
use guestpass::groups::{self, InvitationRequest, JoinBox, SelfServiceConfig};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const GROUP_TYPES: &'static str = r#"
/** What a group owner fills in to invite someone (`session.inviteToGroup`). */
export interface InvitationRequest {
  /** The invitee's email address. */
  email: string;
  /** Name of a new guest account (absent or blank: the part before the `@`). */
  displayName?: string;
  /** Welcome message for the invitation email. */
  message?: string;
}
/** Graph `invitation.status`: `Completed` when an existing member or redeemed guest was added. */
export type InvitationStatus = "PendingAcceptance" | "Completed";
/** An invitation, shaped like Microsoft Graph's `invitation` resource, plus the group. */
export interface Invitation {
  invitedUserEmailAddress: string;
  invitedUserDisplayName: string;
  invitedUserType: "Guest" | "Member";
  invitedUserMessageInfo: { customizedMessageBody?: string };
  /** The tenant's My Apps portal: `https://myapps.microsoft.com/?tenantId=<tenantId>` (the host of the tenant's cloud). */
  inviteRedirectUrl: string;
  /**
   * Only while pending, in Microsoft Graph's shape:
   * `https://login.microsoftonline.com/redeem?rd=<https://invitations.microsoft.com/redeem/?tenant=…&user=…&ticket=…&ver=2.0, encoded>`
   * (the sign-in host of the tenant's cloud; the ticket only this directory can make).
   * Pass it unchanged to `dir.redeemInvitation({ inviteRedeemUrl })`.
   */
  inviteRedeemUrl?: string;
  invitedUser: { id: string };
  status: InvitationStatus;
  groupId: string;
}
/** How to name the invitation a guest redeems (`dir.redeemInvitation`). */
export type RedeemRequest =
  | { inviteRedeemUrl: string }
  | { tenantId: string; user: string };
/** Self-service settings for an app (`dir.configureSelfService`). */
export interface SelfServiceConfig {
  /** The group self-service adds people to; it must be assigned to the app. */
  groupId: string;
  requireApproval?: boolean;
}
/** What `session.requestToJoin` did. */
export interface JoinResult {
  groupId: string;
  outcome: "added" | "pending";
  /** The waiting request, when `pending`. */
  requestId?: string;
}
/** Which join requests `session.joinRequests` lists (default `toDecide`). */
export interface JoinRequestsOptions {
  box?: "toDecide" | "mine";
}
/** One join request with the names a list shows. */
export interface JoinRequestItem {
  id: string;
  groupId: string;
  groupDisplayName: string;
  userId: string;
  userDisplayName: string;
  userType: "Guest" | "Member";
  status: "pending" | "approved" | "declined";
  decidedBy?: string;
}
/** An app the signed-in person reaches (`session.myApps`). */
export interface AppAccess {
  id: string;
  displayName: string;
  singleSignOn: "none" | "saml" | "oidc" | "password" | "linked";
  /** A direct assignment wins over groups. */
  assignment: "direct" | "group";
  /** For `group`: the groups from the person's nearest group up to the one assigned (shortest chain). */
  via: string[];
  /** `https://myapps.microsoft.com/signin/<appId>?tenantId=<tenantId>` */
  link: string;
}
/** An app a group's members reach through it (`OwnedGroup.apps`). */
export interface GroupApp {
  id: string;
  displayName: string;
  singleSignOn: "none" | "saml" | "oidc" | "password" | "linked";
  /** This group is the app's self-service group (self-service turned on). */
  selfService: boolean;
  /** `direct`: the group is assigned; `group`: a group containing it is. */
  assignment: "direct" | "group";
  link: string;
}
/** A group the signed-in person owns (`session.groupsIOwn`, "Groups I own"). */
export interface OwnedGroup {
  id: string;
  displayName: string;
  securityEnabled: boolean;
  /** Members managed by hand (not dynamic, not synced from on-premises). */
  assignedMembership: boolean;
  memberCount: number;
  apps: GroupApp[];
}
/** An app's direct link for a guest already in the tenant (`session.appLinkFor`). */
export interface AppLink {
  appId: string;
  userId: string;
  link: string;
}
"#;

/// `dir.redeemInvitation(...)`: `{ inviteRedeemUrl }` or `{ tenantId, user }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RedeemRequest {
    #[serde(default)]
    invite_redeem_url: Option<String>,
    #[serde(default)]
    tenant_id: Option<String>,
    #[serde(default)]
    user: Option<String>,
}

/// `session.joinRequests({ box })`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JoinRequestsOptions {
    #[serde(default, rename = "box")]
    join_box: JoinBox,
}

#[cfg(not(feature = "full"))]
impl super::options::Options for JoinRequestsOptions {
    const NAME: &'static str = "JoinRequestsOptions";
    const FIELDS: &'static [&'static str] = &["box"];

    fn field(&mut self, _: usize, value: &JsValue, path: &str) -> Result<()> {
        const BOXES: [JoinBox; 2] = [JoinBox::ToDecide, JoinBox::Mine];
        self.join_box = BOXES[super::options::variant(value, path, &["toDecide", "mine"])?];
        Ok(())
    }
}

fn change<T>(
    dir: &JsDirectory,
    f: impl FnOnce(&mut Directory) -> Result<T>,
) -> std::result::Result<T, JsValue> {
    let shared = dir.shared();
    let mut guard = shared.try_borrow_mut().map_err(|_| super::error::busy())?;
    throw(f(&mut guard))
}

impl JsDirectory {
    /// Turns "owners can manage group membership requests" (self-service group
    /// management) on or off for a tenant. Throws `UNKNOWN_TENANT`.
    pub fn set_self_service_group_management(
        &self,
        tenant_id: JsValue,
        enabled: JsValue,
    ) -> std::result::Result<(), JsValue> {
        let tenant_id: &str = &text_arg(&tenant_id, "tenantId")?;
        let enabled = bool_arg(&enabled, "enabled")?;
        change(self, |d| {
            groups::set_self_service_group_management(d, tenant_id, enabled).map(|_| ())
        })
    }

    /// Assigns a user or group of the app's tenant to the app; returns the app.
    /// Throws `UNKNOWN_APP`, `DANGLING_REFERENCE`, `CROSS_TENANT_REFERENCE`.
    pub fn assign_to_app(
        &self,
        app_id: JsValue,
        principal_id: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let app_id: &str = &text_arg(&app_id, "appId")?;
        let principal_id: &str = &text_arg(&principal_id, "principalId")?;
        change(self, |d| {
            to_js(&groups::assign_to_app(d, app_id, principal_id)?)
        })
    }

    /// Takes a user or group off the app's assignments; returns the app. Throws
    /// `GROUP_NOT_ASSIGNED_TO_APP` while it is the app's self-service group.
    pub fn unassign_from_app(
        &self,
        app_id: JsValue,
        principal_id: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let app_id: &str = &text_arg(&app_id, "appId")?;
        let principal_id: &str = &text_arg(&principal_id, "principalId")?;
        change(self, |d| {
            to_js(&groups::unassign_from_app(d, app_id, principal_id)?)
        })
    }

    /// Turns self-service on for an app: `{ groupId, requireApproval? }`; returns the app.
    /// Throws `SSO_NOT_CONFIGURED` (no single sign-on), `GROUP_NOT_ASSIGNED_TO_APP`,
    /// `UNKNOWN_GROUP`, `DYNAMIC_GROUP`, `ON_PREMISES_GROUP`.
    ///
    /// @example
    /// dir.assignToApp("payroll", "payroll-users");
    /// dir.configureSelfService("payroll", { groupId: "payroll-users", requireApproval: false });
    pub fn configure_self_service(
        &self,
        app_id: JsValue,
        config: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let app_id: &str = &text_arg(&app_id, "appId")?;
        change(self, |d| {
            let config: SelfServiceConfig = from_js(config)?;
            to_js(&groups::configure_self_service(d, app_id, &config)?)
        })
    }

    /// Turns self-service off for an app (keeping its group); returns the app.
    pub fn disable_self_service(&self, app_id: JsValue) -> std::result::Result<JsValue, JsValue> {
        let app_id: &str = &text_arg(&app_id, "appId")?;
        change(self, |d| to_js(&groups::disable_self_service(d, app_id)?))
    }

    /// The direct link to an app an app owner can send a guest:
    /// `https://myapps.microsoft.com/signin/<appId>?tenantId=<tenantId>`. Throws
    /// `UNKNOWN_APP`.
    pub fn app_link(&self, app_id: JsValue) -> std::result::Result<String, JsValue> {
        let app_id: &str = &text_arg(&app_id, "appId")?;
        let shared = self.shared();
        let dir = shared.try_borrow().map_err(|_| super::error::busy())?;
        throw(
            dir.app(app_id)
                .map(|a| {
                    groups::direct_link(
                        groups::offering_of(&dir, &a.tenant_id),
                        &a.tenant_id,
                        &a.id,
                    )
                })
                .ok_or_else(|| Error::UnknownApp(app_id.to_string())),
        )
    }

    /// A guest redeems their invitation, turning `externalUserState` to `Accepted`:
    /// `{ inviteRedeemUrl }` (the link from `inviteToGroup`) or `{ tenantId, user }` (user:
    /// object id, UPN or mail). Returns the guest. Throws `USER_NOT_FOUND`, `NOT_A_GUEST`,
    /// `ALREADY_REDEEMED`, `COLLABORATION_BLOCKED`, `INVALID_VALUE` (not a redeem link),
    /// `INVITATION_LINK_INVALID` (a link whose ticket does not hold: not made by this directory).
    ///
    /// @example
    /// const guest = dir.redeemInvitation({ inviteRedeemUrl: invitation.inviteRedeemUrl });
    /// const session = dir.signIn({ tenantId: "contoso", user: guest.mail });
    pub fn redeem_invitation(&self, request: JsValue) -> std::result::Result<JsValue, JsValue> {
        change(self, |d| {
            let req: RedeemRequest = request_from_js(request)?;
            let (tenant_id, user) = match req {
                RedeemRequest {
                    invite_redeem_url: Some(url),
                    tenant_id: None,
                    user: None,
                } => return to_js(&groups::redeem_by_link(d, &url)?),
                RedeemRequest {
                    invite_redeem_url: None,
                    tenant_id: Some(tenant_id),
                    user: Some(user),
                } => (tenant_id, user),
                _ => {
                    return Err(Error::invalid_input(
                        "pass either { inviteRedeemUrl } or { tenantId, user }",
                    ))
                }
            };
            to_js(&groups::redeem_invitation(d, &tenant_id, &user)?)
        })
    }
}

impl JsSession {
    /// As an owner of the group, invites someone by email: `{ email, displayName?,
    /// message? }`. An account already in this tenant is added; anyone else gets a new
    /// guest account (`PendingAcceptance`, `#EXT#` UPN) added to the group. Returns a
    /// Graph `invitation`: `{ invitedUserEmailAddress, invitedUserDisplayName,
    /// invitedUserType, invitedUserMessageInfo: { customizedMessageBody }, inviteRedirectUrl,
    /// inviteRedeemUrl, invitedUser: { id }, status, groupId }`. Throws `NOT_GROUP_OWNER`,
    /// `SELF_SERVICE_DISABLED`, `DYNAMIC_GROUP`, `ON_PREMISES_GROUP`, `INVALID_EMAIL`,
    /// `ADDRESS_IN_OWN_DOMAIN`, `COLLABORATION_BLOCKED`, `ALREADY_MEMBER`, `LIMIT_EXCEEDED`.
    ///
    /// @example
    /// const invitation = owner.inviteToGroup("payroll-users",
    ///   { email: "eve@northwind.com", message: "Welcome to Payroll!" });
    pub fn invite_to_group(
        &self,
        group_id: JsValue,
        request: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let group_id: &str = &text_arg(&group_id, "groupId")?;
        self.write(|d, s| {
            let request: InvitationRequest = request_from_js(request)?;
            super::random::register();
            to_js(&s.invite_to_group(d, group_id, &request)?)
        })
    }

    /// Asks to join a group: `{ groupId, outcome: "added" | "pending", requestId? }`.
    /// Throws `GROUP_CLOSED`, `ALREADY_MEMBER`, `REQUEST_ALREADY_PENDING`,
    /// `SELF_SERVICE_DISABLED`, `DYNAMIC_GROUP`, `ON_PREMISES_GROUP`, `UNKNOWN_GROUP`.
    pub fn request_to_join(&self, group_id: JsValue) -> std::result::Result<JsValue, JsValue> {
        let group_id: &str = &text_arg(&group_id, "groupId")?;
        self.write(|d, s| to_js(&s.request_to_join(d, group_id)?))
    }

    /// Join requests this person sees: `{ box: "toDecide" }` (the default: pending
    /// requests of groups they own) or `{ box: "mine" }` (their own). Items: `{ id,
    /// groupId, groupDisplayName, userId, userDisplayName, userType, status, decidedBy? }`.
    pub fn join_requests(&self, options: JsValue) -> std::result::Result<JsValue, JsValue> {
        self.read(|d, s| {
            let options: JoinRequestsOptions = if options.is_undefined() || options.is_null() {
                JoinRequestsOptions::default()
            } else {
                options_from_js(options)?
            };
            to_js(&s.join_requests(d, options.join_box)?)
        })
    }

    /// As an owner of the group, approves (`true`: the person is added) or declines a
    /// pending join request; returns it decided. Throws `NOT_GROUP_OWNER`,
    /// `REQUEST_ALREADY_DECIDED`, `UNKNOWN_JOIN_REQUEST`.
    pub fn decide_join_request(
        &self,
        request_id: JsValue,
        approve: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let request_id: &str = &text_arg(&request_id, "requestId")?;
        let approve = bool_arg(&approve, "approve")?;
        self.write(|d, s| to_js(&s.decide_join_request(d, request_id, approve)?))
    }

    /// As an owner of the group, takes a member out of it (and of the apps it reaches);
    /// returns the group. Throws `NOT_GROUP_OWNER`, `NOT_A_MEMBER`, `DYNAMIC_GROUP`,
    /// `ON_PREMISES_GROUP`.
    pub fn remove_from_group(
        &self,
        group_id: JsValue,
        member_id: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let group_id: &str = &text_arg(&group_id, "groupId")?;
        let member_id: &str = &text_arg(&member_id, "memberId")?;
        self.write(|d, s| to_js(&s.remove_from_group(d, group_id, member_id)?))
    }

    /// The apps of this tenant the person reaches: `[{ id, displayName, singleSignOn,
    /// assignment: "direct" | "group", via: [groupIds], link }]`.
    pub fn my_apps(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d, s| to_js(&s.my_apps(d)?))
    }

    /// "Groups I own": `[{ id, displayName, securityEnabled, assignedMembership,
    /// memberCount, apps: [{ id, displayName, singleSignOn, selfService, assignment,
    /// link }] }]` — the groups an owner invites guests into, with the apps each reaches.
    pub fn groups_i_own(&self) -> std::result::Result<JsValue, JsValue> {
        self.read(|d, s| to_js(&s.groups_i_own(d)?))
    }

    /// Asks for access to a self-service app: `{ groupId, outcome: "added" | "pending",
    /// requestId? }` — pending when the app requires approval (its self-service group's
    /// owners decide with `decideJoinRequest`). Throws `SELF_SERVICE_NOT_CONFIGURED`,
    /// `NOT_A_SECURITY_GROUP`, `ALREADY_MEMBER`, `REQUEST_ALREADY_PENDING`, `UNKNOWN_APP`.
    pub fn request_app_access(&self, app_id: JsValue) -> std::result::Result<JsValue, JsValue> {
        let app_id: &str = &text_arg(&app_id, "appId")?;
        self.write(|d, s| to_js(&s.request_app_access(d, app_id)?))
    }

    /// As an owner of a self-service app (or of its self-service group), invites someone
    /// to the app: the account joins the app's self-service group. Returns the invitation
    /// as `inviteToGroup` does. Throws `NOT_APP_OWNER`, `SELF_SERVICE_NOT_CONFIGURED`,
    /// `NOT_A_SECURITY_GROUP`, `INVITE_NOT_ALLOWED`, `UPN_REQUIRED` and what
    /// `inviteToGroup` throws.
    pub fn invite_to_app(
        &self,
        app_id: JsValue,
        request: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let app_id: &str = &text_arg(&app_id, "appId")?;
        self.write(|d, s| {
            let request: InvitationRequest = request_from_js(request)?;
            super::random::register();
            to_js(&s.invite_to_app(d, app_id, &request)?)
        })
    }

    /// As an owner of the app, its direct link for a guest already in this tenant:
    /// `{ appId, userId, link }`. Throws `NOT_APP_OWNER`, `USER_NOT_FOUND`, `NOT_A_GUEST`,
    /// `UNKNOWN_APP`.
    pub fn app_link_for(
        &self,
        app_id: JsValue,
        guest: JsValue,
    ) -> std::result::Result<JsValue, JsValue> {
        let app_id: &str = &text_arg(&app_id, "appId")?;
        let guest: &str = &text_arg(&guest, "guest")?;
        self.read(|d, s| to_js(&s.app_link(d, app_id, guest)?))
    }
}

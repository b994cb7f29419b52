//! A group owner invites someone by email; the invitee redeems later.
//!
//! If the address names an account already in the tenant (a member by UPN or mail, a
//! guest by mail or by the `#EXT#` UPN minted from the address), that account is added
//! to the group. Otherwise a guest account is created as Microsoft Graph's invitation
//! manager would: `userType: "Guest"`, `externalUserState: "PendingAcceptance"`,
//! `creationType: "Invitation"`, `mail` the address, and the UPN
//! `<local>_<domain>#EXT#@<tenant initialDomain>` (the `@` becomes `_`). Its id is
//! `<address as a slug>-at-<tenantId>` (`eve-northwind-com-at-contoso`), with `-2`, `-3`, …
//! when taken. When the address's domain is a verified (or initial) domain of a tenant of
//! the world, that tenant is the guest's `homeTenantId` and its member with that address
//! the `homeUserId` — and the two tenants must be allowed to collaborate.

use super::address::EmailAddress;
use super::links::{my_apps_portal, offering_of, parse_redeem_url, redeem_url};
use super::{
    fresh_id, group_of_tenant, is_direct_member, require_assigned_membership, require_owner,
    self_service_tenant, slug, with_member,
};
use crate::b2b::{self, Collaboration};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::limits::{self, MAX_LONG_TEXT_CHARS, MAX_TEXT_CHARS};
use crate::model::{
    AllowInvitesFrom, ExternalUserState, Group, GuestAccess, Tenant, User, UserType,
};
use serde::{Deserialize, Serialize};

/// What a group owner fills in (`session.inviteToGroup(groupId, { email, displayName?,
/// message? })`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct InvitationRequest {
    /// The invitee's email address.
    pub email: String,
    /// The name the new guest account gets (at most 1,024 characters); absent or blank
    /// means the part of the address before the `@`. Ignored for existing accounts.
    #[serde(default)]
    pub display_name: Option<String>,
    /// A welcome message for the invitation email (at most 16,384 characters); absent or
    /// blank means Microsoft's default message.
    #[serde(default)]
    pub message: Option<String>,
}
crate::objects_only!(InvitationRequest);

/// Where an invitation stands (Graph `invitation.status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum InvitationStatus {
    /// The invitee has not redeemed yet (a new or still pending guest).
    PendingAcceptance,
    /// Nothing to redeem: an existing member or redeemed guest was added.
    Completed,
}

/// Graph's `invitedUserMessageInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageInfo {
    /// The welcome message, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customized_message_body: Option<String>,
}

/// Graph's `invitedUser`: the account the invitation is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitedUser {
    /// Its object id.
    pub id: String,
}

/// The result of an invitation, shaped like Graph's `invitation` resource, plus the
/// group the invitee was added to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    /// The address as given (without surrounding spaces).
    pub invited_user_email_address: String,
    /// The account's display name.
    pub invited_user_display_name: String,
    /// `Guest`, or `Member` when an existing member was added.
    pub invited_user_type: UserType,
    /// The welcome message.
    pub invited_user_message_info: MessageInfo,
    /// Where the invitee lands after redeeming: the tenant's My Apps portal.
    pub invite_redirect_url: String,
    /// The link that redeems the invitation, in Microsoft Graph's shape
    /// (`…/redeem?rd=…invitations.microsoft.com/redeem/?tenant=…&user=…&ticket=…`, the
    /// ticket under the directory's key); only while the status is `PendingAcceptance`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invite_redeem_url: Option<String>,
    /// The account invited.
    pub invited_user: InvitedUser,
    /// `PendingAcceptance` or `Completed`.
    pub status: InvitationStatus,
    /// The group the account was added to.
    pub group_id: String,
}

/// `inviter_id`, an owner of `group_id` in `tenant_id`, invites `request.email` into the
/// group (see the module documentation for what is created).
///
/// Refused, with nothing changed: `SELF_SERVICE_DISABLED` (tenant setting off),
/// `UNKNOWN_GROUP`, `NOT_GROUP_OWNER`, `DYNAMIC_GROUP`, `ON_PREMISES_GROUP`,
/// `INVALID_EMAIL`, `LIMIT_EXCEEDED` (display name or message too long),
/// `ADDRESS_IN_OWN_DOMAIN` (no account with an address of the tenant's own domain),
/// `COLLABORATION_BLOCKED` (the address's tenant may not collaborate with this one),
/// `UPN_REQUIRED` (a person of another cloud invited by a mail that is not their UPN),
/// `INVITE_NOT_ALLOWED` (the tenant's guest invite setting leaves the inviter out; checked
/// only when a new guest account would be created) and `ALREADY_MEMBER` (the account is
/// already a direct member).
pub fn invite(
    dir: &mut Directory,
    tenant_id: &str,
    inviter_id: &str,
    group_id: &str,
    request: &InvitationRequest,
) -> Result<Invitation> {
    self_service_tenant(dir, tenant_id)?;
    let group = group_of_tenant(dir, tenant_id, group_id)?;
    require_owner(group, inviter_id)?;
    invite_into(dir, tenant_id, inviter_id, group_id, request)
}

/// Who may invite guests into `tenant` under its guest invite setting: refuses
/// `inviter` with `INVITE_NOT_ALLOWED` where the setting leaves them out.
// Entra "Configure external collaboration settings" (guest invite settings, authorizationPolicy.allowInvitesFrom).
pub(crate) fn require_may_invite(tenant: &Tenant, inviter: Option<&User>) -> Result<()> {
    let setting = tenant.settings.allow_invites_from;
    let allowed = match setting {
        AllowInvitesFrom::Everyone => true,
        // "Member users and users assigned to specific admin roles ... including guests with member permissions".
        AllowInvitesFrom::AdminsGuestInvitersAndAllMembers => inviter.is_some_and(|u| {
            !u.is_guest() || tenant.settings.guest_access == GuestAccess::SameAsMember
        }),
        // guestpass holds no directory roles, so it cannot tell an admin or Guest Inviter: refuse (conservative).
        AllowInvitesFrom::AdminsAndGuestInviters | AllowInvitesFrom::None => false,
    };
    if allowed {
        return Ok(());
    }
    let what = match setting {
        AllowInvitesFrom::None => "none: no one may invite guests",
        AllowInvitesFrom::AdminsAndGuestInviters => "adminsAndGuestInviters: only a User Administrator or Guest Inviter may invite guests, and guestpass holds no directory roles",
        _ => "adminsGuestInvitersAndAllMembers: guests without member permissions may not invite guests",
    };
    Err(Error::InviteNotAllowed {
        tenant: tenant.id.clone(),
        user: inviter.map(|u| u.id.clone()).unwrap_or_default(),
        setting: format!("allowInvitesFrom {what}"),
    })
}

/// The invitation itself, once the caller has checked who may invite into `group_id`
/// (its owner, or for [`super::app_requests::invite_to_app`] the app's owner).
pub(crate) fn invite_into(
    dir: &mut Directory,
    tenant_id: &str,
    inviter_id: &str,
    group_id: &str,
    request: &InvitationRequest,
) -> Result<Invitation> {
    // Refuse before any change where no ticket key can be made (wasm32 without a host
    // source of randomness); the key itself is made only once the invitation succeeds.
    dir.require_link_key_source()?;
    let Planned {
        mut invitation,
        next_group,
        new_guest,
        redeem_for,
    } = plan_invitation(dir, tenant_id, inviter_id, group_id, request)?;
    match new_guest {
        None => {
            dir.upsert_group(next_group)?;
        }
        Some(guest) => {
            let guest_id = guest.id.clone();
            dir.upsert_user(guest)?;
            if let Err(err) = dir.upsert_group(next_group) {
                // Not reachable with the checks above; undo the new account all the same.
                let _ = dir.remove_user(&guest_id);
                return Err(err);
            }
        }
    }
    if let Some((tenant_id, user_id)) = redeem_for {
        invitation.invite_redeem_url = Some(redeem_link(dir, &tenant_id, &user_id)?);
    }
    Ok(invitation)
}

/// An invitation checked but not yet made: what [`invite_into`] changes, and answers.
struct Planned {
    /// The answer, without its redeem link yet.
    invitation: Invitation,
    /// The group with the invitee added.
    next_group: Group,
    /// The guest account to create; none when the address names an existing account.
    new_guest: Option<User>,
    /// Whose redeem link the invitation carries (tenant id, user id), made once the
    /// changes succeeded.
    redeem_for: Option<(String, String)>,
}

/// Every check of [`invite_into`], in order, with nothing changed yet; then what the
/// invitation changes: an existing account joins the group (`ALREADY_MEMBER` when it is
/// a direct member), anyone else joins as a new guest account.
fn plan_invitation(
    dir: &Directory,
    tenant_id: &str,
    inviter_id: &str,
    group_id: &str,
    request: &InvitationRequest,
) -> Result<Planned> {
    let tenant = self_service_tenant(dir, tenant_id)?;
    let group = group_of_tenant(dir, tenant_id, group_id)?;
    require_assigned_membership(group)?;
    let address = EmailAddress::parse(&request.email)?;
    let display_name = filled(
        "displayName",
        request.display_name.as_deref(),
        MAX_TEXT_CHARS,
    )?;
    let message = filled("message", request.message.as_deref(), MAX_LONG_TEXT_CHARS)?;

    let existing = existing_account(dir, tenant, &address)?;
    let home = invitee_home(dir, existing, &address);
    if let Some(home) = home {
        require_invitable_from(dir, tenant, home, existing.is_some(), &address)?;
    }
    if existing.is_none() {
        require_may_invite(tenant, dir.user(inviter_id))?;
    }

    let mut invitation = pending_invitation(tenant, group, &address, message);
    let (next_group, new_guest, redeem_for) = match existing {
        Some(user) => {
            if is_direct_member(group, &user.id) {
                return Err(Error::AlreadyMember {
                    group: group.id.clone(),
                    user: user.id.clone(),
                });
            }
            let next_group = with_member(group, &user.id)?;
            invitation.invited_user_display_name = user.display_name.clone();
            invitation.invited_user_type = user.user_type;
            invitation.invited_user.id = user.id.clone();
            let redeem_for = if user.is_pending() {
                Some((tenant.id.clone(), user.id.clone()))
            } else {
                invitation.status = InvitationStatus::Completed;
                None
            };
            (next_group, None, redeem_for)
        }
        None => {
            let guest = new_guest(dir, tenant, home, &address, display_name);
            let next_group = with_member(group, &guest.id)?;
            invitation.invited_user_display_name = guest.display_name.clone();
            invitation.invited_user.id = guest.id.clone();
            let redeem_for = Some((tenant.id.clone(), guest.id.clone()));
            (next_group, Some(guest), redeem_for)
        }
    };
    Ok(Planned {
        invitation,
        next_group,
        new_guest,
        redeem_for,
    })
}

/// The home tenant of the person `address` names: none for a member of this tenant; for
/// a guest, the home tenant recorded, else the tenant of the address's domain; for a new
/// account, the tenant of the address's domain (none outside the world).
fn invitee_home<'d>(
    dir: &'d Directory,
    existing: Option<&User>,
    address: &EmailAddress,
) -> Option<&'d Tenant> {
    match existing {
        Some(user) if !user.is_guest() => None,
        Some(user) => user
            .home_tenant_id
            .as_deref()
            .and_then(|id| dir.tenant(id))
            .or_else(|| tenant_of_domain(dir, address.domain())),
        None => tenant_of_domain(dir, address.domain()),
    }
}

/// Refuses an invitation into `tenant` of a person whose home is `home`: a new account
/// with an address of the tenant's own domain (`ADDRESS_IN_OWN_DOMAIN`), a home tenant
/// that may not collaborate with this one (`COLLABORATION_BLOCKED`), and a new account
/// for a person of another cloud invited by a mail that is not their UPN (`UPN_REQUIRED`).
fn require_invitable_from(
    dir: &Directory,
    tenant: &Tenant,
    home: &Tenant,
    existing: bool,
    address: &EmailAddress,
) -> Result<()> {
    if home.id == tenant.id {
        if !existing {
            return Err(Error::AddressInOwnDomain {
                email: address.as_str().to_string(),
                tenant: tenant.id.clone(),
            });
        }
        return Ok(());
    }
    require_collaboration(tenant, home, b2b::between(tenant, home))?;
    if !existing && home.cloud != tenant.cloud {
        require_invited_by_upn(dir, tenant, home, address)?;
    }
    Ok(())
}

/// The answer for a new invitation into `group` of `tenant`, before its invitee is known:
/// a pending guest, redirected to the tenant's My Apps portal after redeeming.
fn pending_invitation(
    tenant: &Tenant,
    group: &Group,
    address: &EmailAddress,
    message: Option<&str>,
) -> Invitation {
    Invitation {
        invited_user_email_address: address.as_str().to_string(),
        invited_user_display_name: String::new(),
        invited_user_type: UserType::Guest,
        invited_user_message_info: MessageInfo {
            customized_message_body: message.map(str::to_string),
        },
        invite_redirect_url: my_apps_portal(crate::clouds::Offering::of(tenant), &tenant.id),
        invite_redeem_url: None,
        invited_user: InvitedUser { id: String::new() },
        status: InvitationStatus::PendingAcceptance,
        group_id: group.id.clone(),
    }
}

/// The guest named by `user` (object id, UPN or mail) in `tenant_id` redeems their
/// invitation (by its redemption link, or at first sign-in through
/// [`redeem_at_sign_in`]): `externalUserState` becomes `Accepted`, and a guest whose home tenant is
/// known gets linked to the member there with the same address if not yet linked.
/// Returns the guest as stored.
///
/// Refused with `UNKNOWN_TENANT`, `USER_NOT_FOUND`, `NOT_A_GUEST` (a member has nothing
/// to redeem), `ALREADY_REDEEMED` and `COLLABORATION_BLOCKED`.
pub fn redeem_invitation(dir: &mut Directory, tenant_id: &str, user: &str) -> Result<User> {
    let tenant = dir
        .tenant(tenant_id)
        .ok_or_else(|| Error::UnknownTenant(tenant_id.to_string()))?;
    let found = dir
        .find_user_in_tenant(tenant_id, user.trim())?
        .ok_or_else(|| Error::UserNotFound {
            user: user.to_string(),
            tenant: tenant_id.to_string(),
        })?;
    if !found.is_guest() {
        return Err(Error::NotAGuest(found.id.clone()));
    }
    if !found.is_pending() {
        return Err(Error::AlreadyRedeemed(found.id.clone()));
    }
    let home = found
        .home_tenant_id
        .as_deref()
        .and_then(|id| dir.tenant(id));
    if let Some(home) = home {
        require_collaboration(tenant, home, b2b::between(tenant, home))?;
    }
    let mut next = found.clone();
    next.external_user_state = Some(ExternalUserState::Accepted);
    if next.home_user_id.is_none() {
        if let (Some(home), Some(mail)) = (home, &next.mail) {
            next.home_user_id = member_with_address(dir, &home.id, mail).map(|u| u.id.clone());
        }
    }
    dir.upsert_user(next.clone())?;
    Ok(next)
}

/// The redeem link of `user_id`'s invitation in `tenant_id`, with its ticket under the
/// directory's key (made now if it has none: the invitation has succeeded).
fn redeem_link(dir: &mut Directory, tenant_id: &str, user_id: &str) -> Result<String> {
    let ticket = dir.link_key_or_new()?.ticket(tenant_id, user_id)?;
    Ok(redeem_url(
        offering_of(dir, tenant_id),
        tenant_id,
        user_id,
        &ticket,
    ))
}

/// The guest redeems through the link of their invitation (`inviteRedeemUrl`): as
/// [`redeem_invitation`] once the link's ticket holds under the directory's key.
///
/// Refused with `INVALID_VALUE` (not a redeem link), `INVITATION_LINK_INVALID` (a link
/// this directory did not make: its ticket does not hold, the ids were changed, or the
/// directory was loaded from JSON since, which makes a new key) before anything about the
/// guest is looked up, then as [`redeem_invitation`].
// Microsoft Graph "Create invitation" (inviteRedeemUrl carries a ticket); Entra "B2B collaboration invitation redemption".
pub fn redeem_by_link(dir: &mut Directory, url: &str) -> Result<User> {
    let target = parse_redeem_url(url)?;
    let holds = dir
        .link_key()
        .is_some_and(|k| k.accepts(&target.tenant_id, &target.user_id, &target.ticket));
    if !holds {
        return Err(Error::InvitationLinkInvalid);
    }
    redeem_invitation(dir, &target.tenant_id, &target.user_id)
}

/// The first sign-in of the guest named by `name` in `tenant_id`: a guest still
/// `PendingAcceptance` redeems as they sign in (see [`redeem_invitation`]) and is returned
/// as stored; anyone else is returned unchanged, for the sign-in's own checks.
///
/// Refused, with nothing changed: `UNKNOWN_TENANT`, `USER_NOT_FOUND` (sign-in names the
/// object id, UPN or invited mail — never an alias in `otherMails`, which needs the
/// invitation email's link), `UPN_REQUIRED` (a guest from another cloud named by another
/// address), `ACCOUNT_DISABLED` and `COLLABORATION_BLOCKED`.
// Entra "B2B collaboration invitation redemption": a guest redeems at first sign-in, by the invitation email or a direct link; "guests who use an alias of the email address that was invited need an email invitation".
pub fn redeem_at_sign_in(dir: &mut Directory, tenant_id: &str, name: &str) -> Result<User> {
    if dir.tenant(tenant_id).is_none() {
        return Err(Error::UnknownTenant(tenant_id.to_string()));
    }
    let found = dir
        .find_user_in_tenant(tenant_id, name.trim())?
        .ok_or_else(|| Error::UserNotFound {
            user: name.to_string(),
            tenant: tenant_id.to_string(),
        })?;
    if !found.is_guest() || !found.is_pending() {
        return Ok(found.clone());
    }
    // A disabled account cannot sign in, so it cannot redeem at sign-in either.
    if !found.account_enabled {
        return Err(Error::AccountDisabled(found.id.clone()));
    }
    b2b::check_sign_in_name(dir, found, name)?;
    let id = found.id.clone();
    redeem_invitation(dir, tenant_id, &id)
}

/// `value` trimmed, or `None` when absent or blank; refused when longer than `limit`.
fn filled<'a>(field: &str, value: Option<&'a str>, limit: usize) -> Result<Option<&'a str>> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    limits::text(field, value, limit)?;
    Ok(Some(value))
}

fn same(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The `#EXT#` UPN Graph mints for `address` in `tenant`.
fn guest_upn(address: &EmailAddress, tenant: &Tenant) -> String {
    format!(
        "{}_{}#EXT#@{}",
        address.local(),
        address.domain(),
        tenant.initial_domain
    )
}

/// The account of `tenant` this address names: by UPN or mail, else by the `#EXT#` UPN
/// an earlier invitation of the address minted; `AMBIGUOUS_USER` when the address is the
/// mail of two users of the tenant (inviting it again would not say whom).
fn existing_account<'d>(
    dir: &'d Directory,
    tenant: &Tenant,
    address: &EmailAddress,
) -> Result<Option<&'d User>> {
    let named = |u: &&User| {
        same(&u.user_principal_name, address.as_str())
            || u.mail.as_deref().is_some_and(|m| same(m, address.as_str()))
    };
    match dir
        .find_user_in_tenant(&tenant.id, address.as_str())?
        .filter(named)
    {
        Some(user) => Ok(Some(user)),
        None => dir.find_user_in_tenant(&tenant.id, &guest_upn(address, tenant)),
    }
}

/// The tenant of the world whose verified or initial domain is `domain`.
fn tenant_of_domain<'d>(dir: &'d Directory, domain: &str) -> Option<&'d Tenant> {
    dir.tenants()
        .find(|t| same(&t.initial_domain, domain) || t.domains.iter().any(|d| same(d, domain)))
}

/// The member (not guest) of `tenant_id` whose UPN or mail is `address`; none when the
/// address is the mail of two users there (a guest is not linked to a guess).
fn member_with_address<'d>(dir: &'d Directory, tenant_id: &str, address: &str) -> Option<&'d User> {
    dir.find_user_in_tenant(tenant_id, address)
        .ok()
        .flatten()
        .filter(|u| !u.is_guest())
        .filter(|u| {
            same(&u.user_principal_name, address)
                || u.mail.as_deref().is_some_and(|m| same(m, address))
        })
}

/// Refuses inviting a person of another cloud by an address that is not their UPN
/// (`UPN_REQUIRED`), when their home tenant holds a member with that mail but another UPN.
fn require_invited_by_upn(
    dir: &Directory,
    tenant: &Tenant,
    home: &Tenant,
    address: &EmailAddress,
) -> Result<()> {
    // Entra cross-cloud settings: "Users from another Microsoft cloud must be invited using their user principal name (UPN)".
    match member_with_address(dir, &home.id, address.as_str()) {
        Some(member) if !same(&member.user_principal_name, address.as_str()) => {
            Err(Error::UpnRequired {
                user: address.as_str().to_string(),
                tenant: tenant.id.clone(),
            })
        }
        _ => Ok(()),
    }
}

fn require_collaboration(resource: &Tenant, home: &Tenant, verdict: Collaboration) -> Result<()> {
    if verdict.allowed {
        return Ok(());
    }
    Err(Error::CollaborationBlocked {
        resource: resource.id.clone(),
        home: home.id.clone(),
        reasons: verdict
            .blockers
            .iter()
            .map(|b| format!("{} ({} {})", b.code, b.tenant_id, b.setting))
            .collect::<Vec<_>>()
            .join(", "),
    })
}

/// The guest account Graph's invitation manager would create.
fn new_guest(
    dir: &Directory,
    tenant: &Tenant,
    home: Option<&Tenant>,
    address: &EmailAddress,
    display_name: Option<&str>,
) -> User {
    let stem = match slug(address.as_str()) {
        s if s.is_empty() => "guest".to_string(),
        s => s,
    };
    let home_user_id = home
        .and_then(|h| member_with_address(dir, &h.id, address.as_str()))
        .map(|u| u.id.clone());
    User {
        id: fresh_id(dir, &format!("{stem}-at-{}", tenant.id)),
        tenant_id: tenant.id.clone(),
        display_name: display_name.unwrap_or(address.local()).to_string(),
        given_name: None,
        surname: None,
        mail: Some(address.as_str().to_string()),
        other_mails: Vec::new(),
        user_principal_name: guest_upn(address, tenant),
        user_type: UserType::Guest,
        external_user_state: Some(ExternalUserState::PendingAcceptance),
        creation_type: Some("Invitation".to_string()),
        job_title: None,
        home_tenant_id: home.map(|h| h.id.clone()),
        home_user_id,
        licenses: Vec::new(),
        consented_to_power_automate: false,
        account_enabled: true,
    }
}

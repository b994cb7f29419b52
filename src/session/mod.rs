//! A session: one person signed into one tenant. Every question is asked here, so every
//! answer is about that person, in that tenant, and nothing of another tenant leaks.
//!
//! A [`Session`] is a small handle (tenant id and user id); each call takes the
//! [`Directory`] and re-reads the person, so a removed user or a guest whose invitation
//! was reset can do nothing. It also keeps the facts about a guest's home that the caller
//! supplied at sign-in ([`HomeFacts`]), which turn "unknown" answers into certain ones.

mod approvals;
mod features;
mod flows;
mod groups;
mod lookups;
mod sealed_search;
mod search;
mod sight;

pub use approvals::ApprovalList;
pub use features::{Feature, Features, PeopleSearch, SearchMode};
pub use lookups::{AppInfo, GroupInfo, MyFlow, TenantInfo, UserInfo};
pub use search::{
    home_tenant_name, Found, FoundPeople, MatchRange, PersonMatch, SearchOptions, SearchResults,
    UserTypeFilter, DEFAULT_LIMIT, MAX_LIMIT,
};
pub use sight::{approval_flow, hide_unseen_flow, reads_directory, Sight};

use crate::b2b::{self, Collaboration, HomeFacts};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{User, UserType};
use serde::Serialize;

/// One person signed into one tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    tenant_id: String,
    user_id: String,
    home_facts: HomeFacts,
}

/// Who is signed in where (`session.whoami()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedIn {
    /// The tenant signed into.
    pub tenant_id: String,
    /// The user object in that tenant.
    pub user_id: String,
    /// Their name.
    pub display_name: String,
    /// Member or guest here.
    pub user_type: UserType,
    /// A guest's home tenant, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_tenant_id: Option<String>,
}

impl Session {
    /// Signs `user` (an object id, userPrincipalName or mail) into `tenant_id`, reading
    /// the directory only: a guest who has not redeemed yet is refused here; see
    /// [`Session::first_sign_in`] for the sign-in that redeems.
    ///
    /// Refused with `UNKNOWN_TENANT`, `USER_NOT_FOUND`, `AMBIGUOUS_USER` (an address that
    /// is the mail of two users of the tenant), `INVITATION_PENDING` (a guest who
    /// has not redeemed), `UPN_REQUIRED` (a guest from another Microsoft cloud named by an
    /// address that is not their UPN) or `COLLABORATION_BLOCKED` (a guest whose home
    /// tenant and this tenant certainly may not collaborate). A guest whose collaboration
    /// depends on a home fact the directory does not hold signs in; their answers say
    /// `unknown` (see [`Session::sign_in_with`] to supply the facts).
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// # let dir = guestpass::directory::Directory::from_json_str(r#"{
    /// #   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    /// #                 "initialDomain": "contoso.onmicrosoft.com" }],
    /// #   "users": [{ "id": "bob", "tenantId": "contoso", "displayName": "Bob",
    /// #               "userPrincipalName": "bob@contoso.com" }] }"#)?;
    /// let session = guestpass::session::Session::sign_in(&dir, "contoso", "BOB@contoso.com")?;
    /// assert_eq!(session.user_id(), "bob");
    /// # Ok(()) }
    /// ```
    pub fn sign_in(dir: &Directory, tenant_id: &str, user: &str) -> Result<Session> {
        Session::sign_in_with(dir, tenant_id, user, HomeFacts::default())
    }

    /// [`Session::sign_in`] with facts about a guest's home the caller knows (from its
    /// own service or a token claim): each fills a gap the directory leaves, and the
    /// answers that depended on it become certain. Also refused with `INVALID_VALUE` for
    /// a `tenantId` that contradicts the directory.
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// use guestpass::b2b::{HomeFacts, Outcome};
    /// use guestpass::session::Session;
    /// let dir = guestpass::directory::Directory::from_json_str(r#"{
    ///   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    ///                 "initialDomain": "contoso.onmicrosoft.com" }],
    ///   "users": [{ "id": "pat", "tenantId": "contoso", "displayName": "Pat",
    ///     "userPrincipalName": "pat_gmail.com#EXT#@contoso.onmicrosoft.com",
    ///     "userType": "Guest", "externalUserState": "Accepted",
    ///     "consentedToPowerAutomate": true }] }"#)?;
    /// let pat = Session::sign_in(&dir, "contoso", "pat")?;
    /// assert_eq!(pat.features(&dir)?.run_flows.outcome, Outcome::Unknown);
    /// let facts = HomeFacts { licensed: Some(true), outbound_allowed: Some(true), ..HomeFacts::default() };
    /// let pat = Session::sign_in_with(&dir, "contoso", "pat", facts)?;
    /// assert!(pat.features(&dir)?.run_flows.allowed);
    /// # Ok(()) }
    /// ```
    pub fn sign_in_with(
        dir: &Directory,
        tenant_id: &str,
        user: &str,
        home_facts: HomeFacts,
    ) -> Result<Session> {
        if dir.tenant(tenant_id).is_none() {
            return Err(Error::UnknownTenant(tenant_id.to_string()));
        }
        let found = dir
            .find_user_in_tenant(tenant_id, user.trim())?
            .ok_or_else(|| Error::UserNotFound {
                user: user.to_string(),
                tenant: tenant_id.to_string(),
            })?;
        home_facts.check(found)?;
        b2b::check_sign_in_name(dir, found, user)?;
        admit(dir, found, &home_facts)?;
        Ok(Session {
            tenant_id: tenant_id.to_string(),
            user_id: found.id.clone(),
            home_facts,
        })
    }

    /// Signs `user` into `tenant_id` as Entra does at a person's first sign-in: a guest
    /// still `PendingAcceptance` redeems their invitation as they sign in (the state becomes
    /// `Accepted`), where collaboration allows it; everyone else signs in as with
    /// [`Session::sign_in_with`] and `home_facts`. A refused sign-in changes nothing.
    ///
    /// Refused as [`Session::sign_in_with`] is, except that a pending guest is not refused
    /// for being pending; on a view, a pending guest's sign-in is refused with
    /// `VIEW_READ_ONLY` (the redemption must reach the directory the view came from).
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// # let mut dir = guestpass::directory::Directory::from_json_str(r#"{
    /// #   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    /// #                 "initialDomain": "contoso.onmicrosoft.com" }],
    /// #   "users": [{ "id": "eve-at-contoso", "tenantId": "contoso", "displayName": "Eve",
    /// #     "mail": "eve@northwind.com", "userType": "Guest",
    /// #     "externalUserState": "PendingAcceptance",
    /// #     "userPrincipalName": "eve_northwind.com#EXT#@contoso.onmicrosoft.com" }] }"#)?;
    /// use guestpass::session::Session;
    /// assert_eq!(dir.sign_in("contoso", "eve@northwind.com").unwrap_err().code(), "INVITATION_PENDING");
    /// let eve = Session::first_sign_in(&mut dir, "contoso", "eve@northwind.com", Default::default())?;
    /// assert!(!dir.user(eve.user_id()).is_some_and(|u| u.is_pending()));
    /// # Ok(()) }
    /// ```
    pub fn first_sign_in(
        dir: &mut Directory,
        tenant_id: &str,
        user: &str,
        home_facts: HomeFacts,
    ) -> Result<Session> {
        let before = dir
            .find_user_in_tenant(tenant_id, user.trim())?
            .filter(|u| u.is_guest() && u.is_pending())
            .cloned();
        if let Some(pending) = &before {
            // A view is one person's copy: the redemption must reach the directory it came from.
            writable(dir, "signIn")?;
            home_facts.check(pending)?;
        }
        let redeemed = crate::groups::redeem_at_sign_in(dir, tenant_id, user)?;
        let signed_in = Session::sign_in_with(dir, tenant_id, user, home_facts);
        if let (Err(_), Some(before)) = (&signed_in, before) {
            // The sign-in that redeemed was refused after all (a home fact says the
            // tenants may not collaborate): the guest is left as they were.
            if before != redeemed {
                dir.upsert_user(before)?;
            }
        }
        signed_in
    }

    /// The facts about the guest's home supplied at sign-in.
    pub fn home_facts(&self) -> &HomeFacts {
        &self.home_facts
    }

    /// The tenant signed into.
    pub fn tenant_id(&self) -> &str {
        &self.tenant_id
    }

    /// The signed-in user object's id.
    pub fn user_id(&self) -> &str {
        &self.user_id
    }

    /// The signed-in person as the directory has them now; refused if they were removed,
    /// or are a guest who may no longer sign in.
    pub fn user<'d>(&self, dir: &'d Directory) -> Result<&'d User> {
        let user = dir
            .user(&self.user_id)
            .filter(|u| u.tenant_id == self.tenant_id)
            .ok_or_else(|| Error::SessionEnded(self.user_id.clone()))?;
        admit(dir, user, &self.home_facts)?;
        Ok(user)
    }

    /// Who is signed in where.
    pub fn whoami(&self, dir: &Directory) -> Result<SignedIn> {
        let user = self.user(dir)?;
        Ok(SignedIn {
            tenant_id: self.tenant_id.clone(),
            user_id: user.id.clone(),
            display_name: user.display_name.clone(),
            user_type: user.user_type,
            home_tenant_id: user.home_tenant_id.clone(),
        })
    }

    /// What this person may use here, with the reason for every "no".
    pub fn features(&self, dir: &Directory) -> Result<Features> {
        let user = self.user(dir)?;
        let tenant = dir
            .tenant(&self.tenant_id)
            .ok_or_else(|| Error::UnknownTenant(self.tenant_id.clone()))?;
        Ok(features::of(dir, tenant, user, &self.home_facts))
    }

    /// May this person's home tenant and this tenant collaborate, in Power Automate (the
    /// application guestpass's flow and approval answers are about)? For a member:
    /// allowed. For a guest whose home the directory does not hold: `unknown` with the
    /// facts it depends on, until the caller supplies them at sign-in.
    pub fn collaboration(&self, dir: &Directory) -> Result<Collaboration> {
        let user = self.user(dir)?;
        let pa = Some(b2b::POWER_AUTOMATE_APP_ID);
        b2b::guest_collaboration(dir, user, &self.home_facts, pa)
    }
}

/// Refuses `operation` on a directory read from a view (`VIEW_READ_ONLY`): a view is one
/// person's copy, and a change must reach the directory it came from.
fn writable(dir: &Directory, operation: &'static str) -> Result<()> {
    match dir.partial() {
        Some(_) => Err(Error::ViewReadOnly(operation)),
        None => Ok(()),
    }
}

/// Refuses a disabled account, and a guest who has not redeemed or whose tenants
/// certainly may not collaborate; a collaboration that depends on an unknown home fact
/// does not refuse.
fn admit(dir: &Directory, user: &User, facts: &HomeFacts) -> Result<()> {
    // Microsoft Graph, user resource: accountEnabled false blocks sign-in.
    if !user.account_enabled {
        return Err(Error::AccountDisabled(user.id.clone()));
    }
    if !user.is_guest() {
        return Ok(());
    }
    if user.is_pending() {
        return Err(Error::InvitationPending(user.id.clone()));
    }
    // Signing in to the widget's host: no application is known, so a rule that names
    // applications stays unknown here (and does not refuse); answers about flows and
    // approvals decide it for Power Automate.
    let verdict = b2b::guest_collaboration(dir, user, facts, None)?;
    if verdict.outcome == b2b::Outcome::Denied {
        let home = user
            .home_tenant_id
            .clone()
            .or_else(|| facts.tenant_id.clone())
            .unwrap_or_else(|| "(not in the directory)".to_string());
        return Err(Error::CollaborationBlocked {
            resource: user.tenant_id.clone(),
            home,
            reasons: verdict
                .blockers
                .iter()
                .map(|b| format!("{} ({} {})", b.code, b.tenant_id, b.setting))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(())
}

impl Directory {
    /// Signs a person into a tenant: see [`Session::sign_in`].
    pub fn sign_in(&self, tenant_id: &str, user: &str) -> Result<Session> {
        Session::sign_in(self, tenant_id, user)
    }

    /// Signs a person in with facts about their home: see [`Session::sign_in_with`].
    pub fn sign_in_with(
        &self,
        tenant_id: &str,
        user: &str,
        home_facts: HomeFacts,
    ) -> Result<Session> {
        Session::sign_in_with(self, tenant_id, user, home_facts)
    }
}

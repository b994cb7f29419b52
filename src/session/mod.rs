//! A session: one person signed into one tenant. Every question is asked here, so every
//! answer is about that person, in that tenant, and nothing of another tenant leaks.
//!
//! A [`Session`] is a small handle (tenant id and user id); each call takes the
//! [`Directory`] and re-reads the person, so a removed user or a guest whose invitation
//! was reset can do nothing.

mod approvals;
mod features;
mod flows;
mod groups;
mod sealed_search;
mod search;

pub use features::{Feature, Features, PeopleSearch, SearchMode};
pub use search::{
    MatchRange, PersonMatch, SearchOptions, SearchResults, UserTypeFilter, DEFAULT_LIMIT, MAX_LIMIT,
};

use crate::b2b;
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::{User, UserType};
use serde::Serialize;

/// One person signed into one tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    tenant_id: String,
    user_id: String,
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
    /// Signs `user` (an object id, userPrincipalName or mail) into `tenant_id`.
    ///
    /// Refused with `UNKNOWN_TENANT`, `USER_NOT_FOUND`, `AMBIGUOUS_USER` (an address that
    /// is the mail of two users of the tenant), `INVITATION_PENDING` (a guest who
    /// has not redeemed) or `COLLABORATION_BLOCKED` (a guest whose home tenant and this
    /// tenant may not collaborate).
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
        if dir.tenant(tenant_id).is_none() {
            return Err(Error::UnknownTenant(tenant_id.to_string()));
        }
        let found = dir
            .find_user_in_tenant(tenant_id, user.trim())?
            .ok_or_else(|| Error::UserNotFound {
                user: user.to_string(),
                tenant: tenant_id.to_string(),
            })?;
        admit(dir, found)?;
        Ok(Session {
            tenant_id: tenant_id.to_string(),
            user_id: found.id.clone(),
        })
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
        admit(dir, user)?;
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
        Ok(features::of(dir, tenant, user))
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

/// Refuses a disabled account, and a guest who has not redeemed or whose tenants may
/// not collaborate.
fn admit(dir: &Directory, user: &User) -> Result<()> {
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
    if let Some(home) = &user.home_tenant_id {
        let verdict = b2b::collaboration_for(dir, user, None)?;
        if !verdict.allowed {
            return Err(Error::CollaborationBlocked {
                resource: user.tenant_id.clone(),
                home: home.clone(),
                reasons: verdict
                    .blockers
                    .iter()
                    .map(|b| format!("{} ({} {})", b.code, b.tenant_id, b.setting))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
    }
    Ok(())
}

impl Directory {
    /// Signs a person into a tenant: see [`Session::sign_in`].
    pub fn sign_in(&self, tenant_id: &str, user: &str) -> Result<Session> {
        Session::sign_in(self, tenant_id, user)
    }
}

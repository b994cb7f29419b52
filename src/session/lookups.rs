//! Lookups by id for the signed-in person: `user`, `group`, `app`, `tenant`, and the flows
//! they hold a role on. Each answers only what the person may see ([`super::Sight`]): an
//! object they may not see, another tenant's object and an id that exists nowhere all
//! answer `None` alike, so a lookup is never an oracle of what exists.

use super::sight::Sight;
use super::Session;
use crate::directory::Directory;
use crate::error::Result;
use crate::model::{
    App, Cloud, Group, JoinPolicy, SelfService, SingleSignOn, Trigger, UsGovernment, User, UserType,
};
use crate::sharing::{Person, Role};
use serde::Serialize;

/// A person as `session.user(id)` shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserInfo {
    /// User object id in this tenant.
    pub id: String,
    /// Name.
    pub display_name: String,
    /// Given name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// Surname.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Real address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    /// Sign-in name.
    pub user_principal_name: String,
    /// Member or guest here.
    pub user_type: UserType,
    /// A guest's home tenant.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_tenant_id: Option<String>,
    /// A guest whose invitation is not redeemed yet.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pending: bool,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
}

impl UserInfo {
    fn of(user: &User) -> UserInfo {
        UserInfo {
            id: user.id.clone(),
            display_name: user.display_name.clone(),
            given_name: user.given_name.clone(),
            surname: user.surname.clone(),
            mail: user.mail.clone(),
            user_principal_name: user.user_principal_name.clone(),
            user_type: user.user_type,
            home_tenant_id: user.home_tenant_id.clone(),
            pending: user.is_pending(),
            job_title: user.job_title.clone(),
        }
    }
}

/// A group as `session.group(id)` shows it (without its member and owner lists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupInfo {
    /// Group id.
    pub id: String,
    /// Name.
    pub display_name: String,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A security group.
    pub security_enabled: bool,
    /// A mail-enabled group.
    pub mail_enabled: bool,
    /// `Unified` (Microsoft 365 group), `DynamicMembership`.
    pub group_types: Vec<String>,
    /// Synced from on-premises.
    pub on_premises_sync_enabled: bool,
    /// How people join it.
    pub join_policy: JoinPolicy,
    /// The person belongs to it (nested groups counting).
    pub is_member: bool,
    /// The person owns it.
    pub is_owner: bool,
}

/// An app as `session.app(id)` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// App id.
    pub id: String,
    /// Name.
    pub display_name: String,
    /// Single sign-on mode.
    pub single_sign_on: SingleSignOn,
    /// Self-service access, when configured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_service: Option<SelfService>,
    /// The person owns it.
    pub is_owner: bool,
}

/// A tenant as `session.tenant(id)` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantInfo {
    /// Tenant id.
    pub id: String,
    /// Name.
    pub display_name: String,
    /// The Microsoft cloud it lives in.
    pub cloud: Cloud,
    /// A US Government offering, where it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub us_government: Option<UsGovernment>,
}

/// A flow the person holds a role on (`session.flows()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MyFlow {
    /// Flow id.
    pub id: String,
    /// Name.
    pub display_name: String,
    /// What starts it.
    pub trigger: Trigger,
    /// Turned on.
    pub enabled: bool,
    /// The strongest role the person holds on it.
    pub role: Role,
    /// The groups the role came through, from the person's own group up (`[]` for a
    /// direct role), as `check` says it.
    pub via: Vec<String>,
}

impl Session {
    /// What the signed-in person may see now (refused as every question is when the
    /// session has ended).
    pub fn sight<'d>(&self, dir: &'d Directory) -> Result<Sight<'d>> {
        Sight::of(dir, self.tenant_id(), self.user(dir)?)
    }

    /// The user `id` of this tenant, if the person may see them (see [`Sight`]); `None`
    /// for anyone else, another tenant's user and an id that exists nowhere alike.
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// # let dir = guestpass::directory::Directory::from_json_str(r#"{
    /// #   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    /// #                 "initialDomain": "contoso.onmicrosoft.com" }],
    /// #   "users": [{ "id": "bob", "tenantId": "contoso", "displayName": "Bob",
    /// #               "userPrincipalName": "bob@contoso.com" },
    /// #             { "id": "ann", "tenantId": "contoso", "displayName": "Ann",
    /// #               "userPrincipalName": "ann@contoso.com" }] }"#)?;
    /// let bob = dir.sign_in("contoso", "bob")?;
    /// let ann = bob.lookup_user(&dir, "ann")?.map(|u| u.display_name);
    /// assert_eq!(ann.as_deref(), Some("Ann"));
    /// assert!(bob.lookup_user(&dir, "nobody")?.is_none());
    /// # Ok(()) }
    /// ```
    pub fn lookup_user(&self, dir: &Directory, id: &str) -> Result<Option<UserInfo>> {
        let sight = self.sight(dir)?;
        Ok(dir
            .user(id)
            .filter(|u| sight.sees_user(u))
            .map(UserInfo::of))
    }

    /// The group `id` of this tenant, if the person may see it; `None` otherwise.
    pub fn lookup_group(&self, dir: &Directory, id: &str) -> Result<Option<GroupInfo>> {
        let sight = self.sight(dir)?;
        Ok(dir
            .group(id)
            .filter(|g| sight.sees_group(g))
            .map(|g| group_info(&sight, g)))
    }

    /// The app `id` of this tenant, if the person may see it; `None` otherwise.
    pub fn lookup_app(&self, dir: &Directory, id: &str) -> Result<Option<AppInfo>> {
        let sight = self.sight(dir)?;
        Ok(dir
            .app(id)
            .filter(|a| sight.sees_app(a))
            .map(|a| app_info(&sight, a)))
    }

    /// The tenant `id`: this one, or a guest's home tenant; `None` for any other.
    pub fn lookup_tenant(&self, dir: &Directory, id: &str) -> Result<Option<TenantInfo>> {
        let sight = self.sight(dir)?;
        Ok(dir
            .tenant(id)
            .filter(|t| sight.sees_tenant(&t.id))
            .map(|t| TenantInfo {
                id: t.id.clone(),
                display_name: t.display_name.clone(),
                cloud: t.cloud,
                us_government: t.us_government,
            }))
    }

    /// The flows of this tenant the person holds a role on (directly or through groups,
    /// nested counting: "Share a flow", Power Automate), each with their strongest role,
    /// in the directory's flow order. Their prerequisites are not judged here: `check`
    /// says whether the role may be used.
    pub fn flows(&self, dir: &Directory) -> Result<Vec<MyFlow>> {
        let person = Person::of(dir, self.user(dir)?);
        Ok(dir
            .flows()
            .filter(|f| f.tenant_id == self.tenant_id())
            .filter_map(|f| {
                let (role, via) = person.grant(f)?;
                Some(MyFlow {
                    id: f.id.clone(),
                    display_name: f.display_name.clone(),
                    trigger: f.trigger,
                    enabled: f.enabled,
                    role,
                    via: person.via_path(via).to_vec(),
                })
            })
            .collect())
    }
}

fn group_info(sight: &Sight<'_>, g: &Group) -> GroupInfo {
    GroupInfo {
        id: g.id.clone(),
        display_name: g.display_name.clone(),
        description: g.description.clone(),
        security_enabled: g.security_enabled,
        mail_enabled: g.mail_enabled,
        group_types: g.group_types.clone(),
        on_premises_sync_enabled: g.on_premises_sync_enabled,
        join_policy: g.join_policy,
        is_member: sight.member_of.contains(&g.id),
        is_owner: sight.owned.contains(g.id.as_str()),
    }
}

fn app_info(sight: &Sight<'_>, a: &App) -> AppInfo {
    AppInfo {
        id: a.id.clone(),
        display_name: a.display_name.clone(),
        single_sign_on: a.single_sign_on,
        self_service: a.self_service.clone(),
        is_owner: a.owners.contains(&sight.me.id),
    }
}

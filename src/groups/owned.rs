//! "Groups I own" in the My Apps Groups page: each group the person owns, with the apps
//! its members reach through it — where an owner picks the group to invite a guest into.

use super::app_access::Assignment;
use super::links::{direct_link, offering_of};
use crate::directory::Directory;
use crate::model::{Group, SingleSignOn};
use serde::Serialize;

/// An app a group's members reach through the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupApp {
    /// App id.
    pub id: String,
    /// Its name.
    pub display_name: String,
    /// Its single sign-on mode.
    pub single_sign_on: SingleSignOn,
    /// Whether this group is the app's self-service group (self-service turned on).
    pub self_service: bool,
    /// `direct` when the group itself is assigned, `group` when a group containing it is.
    pub assignment: Assignment,
    /// The direct link to the app, with the tenant in it.
    pub link: String,
}

/// One group the person owns (`session.groupsIOwn()` items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OwnedGroup {
    /// Group id.
    pub id: String,
    /// Its name.
    pub display_name: String,
    /// A security group.
    pub security_enabled: bool,
    /// Whether members are managed by hand here (not dynamic, not synced from
    /// on-premises): only then can the owner invite or add people.
    pub assigned_membership: bool,
    /// Direct members.
    pub member_count: usize,
    /// The apps its members reach through it, sorted by name then id.
    pub apps: Vec<GroupApp>,
}

/// The groups of `tenant_id` that `user_id` owns, sorted by display name then id, each
/// with the apps it reaches.
// Entra "How users in your organization can invite guest users to an app": the owner picks, under "Groups I own", the group that has access to the app.
pub fn groups_i_own(dir: &Directory, tenant_id: &str, user_id: &str) -> Vec<OwnedGroup> {
    let mut out: Vec<OwnedGroup> = dir
        .groups()
        .filter(|g| g.tenant_id == tenant_id && g.owners.iter().any(|o| o == user_id))
        .map(|g| owned(dir, g))
        .collect();
    crate::order::sort_by_text(&mut out, |g| &g.id);
    crate::order::sort_by_text(&mut out, |g| &g.display_name);
    out
}

fn owned(dir: &Directory, group: &Group) -> OwnedGroup {
    // The group itself and every group it sits in (nested groups pass access on).
    let mut reaching: Vec<String> = vec![group.id.clone()];
    reaching.extend(
        dir.transitive_groups_of(&group.id)
            .into_iter()
            .map(|m| m.group_id),
    );
    let mut apps: Vec<GroupApp> = dir
        .apps()
        .filter(|a| a.tenant_id == group.tenant_id)
        .filter_map(|a| {
            let assignment = if a.assignments.contains(&group.id) {
                Assignment::Direct
            } else if a.assignments.iter().any(|p| reaching.contains(p)) {
                Assignment::Group
            } else {
                return None;
            };
            let self_service = a
                .self_service
                .as_ref()
                .is_some_and(|s| s.enabled && s.group_id.as_deref() == Some(group.id.as_str()));
            Some(GroupApp {
                id: a.id.clone(),
                display_name: a.display_name.clone(),
                single_sign_on: a.single_sign_on,
                self_service,
                assignment,
                link: direct_link(offering_of(dir, &a.tenant_id), &a.tenant_id, &a.id),
            })
        })
        .collect();
    crate::order::sort_by_text(&mut apps, |a| &a.id);
    crate::order::sort_by_text(&mut apps, |a| &a.display_name);
    OwnedGroup {
        id: group.id.clone(),
        display_name: group.display_name.clone(),
        security_enabled: group.security_enabled,
        assigned_membership: !group.is_dynamic() && !group.on_premises_sync_enabled,
        member_count: group.members.len(),
        apps,
    }
}

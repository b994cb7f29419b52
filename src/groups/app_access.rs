//! Which apps a person reaches in a tenant: those assigned to them directly or to a
//! group they belong to, nested groups counting — and the direct link to each.

use super::links::{direct_link, offering_of};
use crate::directory::Directory;
use crate::model::{App, SingleSignOn};
use serde::Serialize;
use std::collections::HashMap;

/// How an assignment reaches the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Assignment {
    /// The person is assigned to the app.
    Direct,
    /// A group they belong to is assigned.
    Group,
}

/// One app a person reaches (`session.myApps()` items).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppAccess {
    /// App id.
    pub id: String,
    /// Its name.
    pub display_name: String,
    /// Its single sign-on mode.
    pub single_sign_on: SingleSignOn,
    /// `direct` or `group`; a direct assignment wins over groups.
    pub assignment: Assignment,
    /// For `group`: the chain of groups from the person's nearest group up to the group
    /// assigned to the app (shortest chain); empty for `direct`.
    pub via: Vec<String>,
    /// The direct link to the app (`https://myapps.microsoft.com/signin/<appId>?tenantId=<tenantId>`,
    /// on the My Apps host of the tenant's cloud).
    pub link: String,
}

/// The apps of `tenant_id` that `user_id` reaches, sorted by display name then id.
pub fn my_apps(dir: &Directory, tenant_id: &str, user_id: &str) -> Vec<AppAccess> {
    let groups = dir.transitive_groups_of(user_id);
    // Nearest groups come first: the lowest rank is the shortest chain.
    let rank: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, m)| (m.group_id.as_str(), i))
        .collect();
    let mut apps: Vec<AppAccess> = dir
        .apps()
        .filter(|app| app.tenant_id == tenant_id)
        .filter_map(|app| {
            // One pass over the assignments: the person, or their nearest group.
            let mut nearest: Option<usize> = None;
            for p in &app.assignments {
                if p == user_id {
                    return Some(access(dir, app, Assignment::Direct, Vec::new()));
                }
                if let Some(&i) = rank.get(p.as_str()) {
                    nearest = Some(nearest.map_or(i, |n| n.min(i)));
                }
            }
            let m = groups.get(nearest?)?;
            Some(access(dir, app, Assignment::Group, m.path.clone()))
        })
        .collect();
    // By display name, then id: two stable passes.
    crate::order::sort_by_text(&mut apps, |a| &a.id);
    crate::order::sort_by_text(&mut apps, |a| &a.display_name);
    apps
}

fn access(dir: &Directory, app: &App, assignment: Assignment, via: Vec<String>) -> AppAccess {
    AppAccess {
        id: app.id.clone(),
        display_name: app.display_name.clone(),
        single_sign_on: app.single_sign_on,
        assignment,
        via,
        link: direct_link(offering_of(dir, &app.tenant_id), &app.tenant_id, &app.id),
    }
}

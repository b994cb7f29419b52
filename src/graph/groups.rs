//! A Graph `group` resource → a group, and the `directoryObject` pages of
//! `/groups/{id}/members` and `/groups/{id}/owners` → its members and owners.
//!
//! Read from a group: `id`, `displayName` (absent → the id), `description`,
//! `groupTypes`, `securityEnabled`, `mailEnabled`, `onPremisesSyncEnabled` (each absent
//! or `null` → false). Graph has no join policy: imported groups are `closed` until
//! changed. `membershipRule` and the rest are ignored.
//!
//! A directory object is told apart by its `@odata.type`: `#microsoft.graph.user` and
//! `#microsoft.graph.group` must name a user or group of the same tenant in the input;
//! devices, contacts and service principals are skipped (guestpass does not model
//! them); without `@odata.type` the id must name a user or group (an owner: a user).

use super::fields::Object;
use crate::error::{Error, Result};
use crate::model::{Group, Id, JoinPolicy};
use std::collections::HashMap;

/// The group a Graph group describes, in tenant `tenant_id`, without owners or members.
pub(super) fn group(o: &Object<'_>, tenant_id: &str) -> Result<Group> {
    let id = o.required_string("id")?;
    Ok(Group {
        id: id.to_string(),
        tenant_id: tenant_id.to_string(),
        display_name: o.string("displayName")?.unwrap_or(id).to_string(),
        description: o.string("description")?.map(str::to_string),
        security_enabled: o.boolean("securityEnabled")?.unwrap_or(false),
        mail_enabled: o.boolean("mailEnabled")?.unwrap_or(false),
        group_types: o
            .strings("groupTypes")?
            .into_iter()
            .map(str::to_string)
            .collect(),
        on_premises_sync_enabled: o.boolean("onPremisesSyncEnabled")?.unwrap_or(false),
        join_policy: JoinPolicy::Closed,
        owners: Vec::new(),
        members: Vec::new(),
    })
}

/// Whether an imported id is a user or a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A user object.
    User,
    /// A group.
    Group,
}

/// Every imported user and group: its tenant's position and its kind.
pub(super) type Known<'a> = HashMap<&'a str, (usize, Kind)>;

/// Which relationship the pages list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Relation {
    /// `/groups/{id}/members`: users and groups.
    Members,
    /// `/groups/{id}/owners`: users.
    Owners,
}

impl Relation {
    fn field(self) -> &'static str {
        match self {
            Relation::Members => "members",
            Relation::Owners => "owners",
        }
    }
}

/// The ids the directory objects of one group's member or owner pages name, in order,
/// each once.
pub(super) fn directory_objects(
    objects: &[Object<'_>],
    relation: Relation,
    group_id: &str,
    tenant: usize,
    known: &Known<'_>,
) -> Result<Vec<Id>> {
    let mut ids: Vec<Id> = Vec::with_capacity(objects.len());
    let mut seen = std::collections::HashSet::with_capacity(objects.len());
    for o in objects {
        let accepted: &[Kind] = match (o.string("@odata.type")?, relation) {
            (Some("#microsoft.graph.user"), _) => &[Kind::User],
            (Some("#microsoft.graph.group"), Relation::Members) => &[Kind::Group],
            (Some(_), _) => continue,
            (None, Relation::Members) => &[Kind::User, Kind::Group],
            (None, Relation::Owners) => &[Kind::User],
        };
        let id = o.required_string("id")?;
        match known.get(id) {
            Some((t, kind)) if accepted.contains(kind) && *t == tenant => {}
            Some((_, kind)) if accepted.contains(kind) => {
                return Err(Error::CrossTenantReference {
                    from: group_id.to_string(),
                    field: relation.field(),
                    to: id.to_string(),
                })
            }
            _ => {
                return Err(Error::DanglingReference {
                    from: group_id.to_string(),
                    field: relation.field(),
                    to: id.to_string(),
                })
            }
        }
        if seen.insert(id) {
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

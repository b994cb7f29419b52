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

use super::read::Item;
use super::rows::{DirectoryObjectRow, GroupRow};
use crate::error::{Error, Result};
use crate::graph::maps::{keyed_set, KeyedMap};
use crate::model::{Group, Id, JoinPolicy};

/// The group a Graph group describes, in tenant `tenant_id`, without owners or members.
pub(super) fn group(o: Item<'_, GroupRow<'_>>, tenant_id: &str) -> Result<Group> {
    let (at, row) = (o.spot, o.row);
    let id = at.required_string("id", &row.id)?;
    let flag = |field, v| at.boolean(field, v).map(|b| b.unwrap_or(false));
    Ok(Group {
        id: id.to_string(),
        tenant_id: tenant_id.to_string(),
        display_name: at
            .string("displayName", &row.display_name)?
            .unwrap_or(id)
            .to_string(),
        description: at
            .string("description", &row.description)?
            .map(str::to_string),
        security_enabled: flag("securityEnabled", &row.security_enabled)?,
        mail_enabled: flag("mailEnabled", &row.mail_enabled)?,
        group_types: at
            .strings("groupTypes", &row.group_types)?
            .into_iter()
            .map(str::to_string)
            .collect(),
        on_premises_sync_enabled: flag("onPremisesSyncEnabled", &row.on_premises_sync_enabled)?,
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
pub(super) type Known<'a> = KeyedMap<&'a str, (usize, Kind)>;

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

/// The ids the directory objects of one group's member or owner pages (or one service
/// principal's owner pages) name, in order, each once; `from` is the group or app, for
/// messages.
pub(super) fn directory_objects(
    objects: &[Item<'_, DirectoryObjectRow<'_>>],
    relation: Relation,
    from: &str,
    tenant: usize,
    known: &Known<'_>,
) -> Result<Vec<Id>> {
    let at = Named {
        from,
        field: relation.field(),
        tenant,
    };
    principals(objects, at, known, |o| {
        let accepted: &'static [Kind] =
            match (o.spot.string("@odata.type", &o.row.odata_type)?, relation) {
                (Some("#microsoft.graph.user"), _) => &[Kind::User],
                (Some("#microsoft.graph.group"), Relation::Members) => &[Kind::Group],
                (Some(_), _) => return Ok(None),
                (None, Relation::Members) => &[Kind::User, Kind::Group],
                (None, Relation::Owners) => &[Kind::User],
            };
        Ok(Some((accepted, o.spot.required_string("id", &o.row.id)?)))
    })
}

/// Where a list of principals is named from, for messages: the group or app `from`, its
/// `field`, and the position of its tenant.
#[derive(Clone, Copy)]
pub(super) struct Named<'a> {
    pub from: &'a str,
    pub field: &'static str,
    pub tenant: usize,
}

/// The ids of the principals `objects` name, in order, each once. `principal` reads an
/// object's id and the kinds it may be (`None`: an object the model holds no kind of,
/// skipped); each must be a user or group of those kinds in the tenant of `at`
/// (`CROSS_TENANT_REFERENCE` for another tenant's, `DANGLING_REFERENCE` otherwise).
pub(super) fn principals<'s, T>(
    objects: &[Item<'s, T>],
    at: Named<'_>,
    known: &Known<'_>,
    principal: impl Fn(&Item<'s, T>) -> Result<Option<(&'static [Kind], &'s str)>>,
) -> Result<Vec<Id>> {
    let mut ids: Vec<Id> = Vec::with_capacity(objects.len());
    let mut seen = keyed_set(objects.len());
    for o in objects {
        let Some((accepted, id)) = principal(o)? else {
            continue;
        };
        let (from, field, to) = (at.from.to_string(), at.field, id.to_string());
        match known.get(id) {
            Some((t, kind)) if accepted.contains(kind) && *t == at.tenant => {}
            Some((_, kind)) if accepted.contains(kind) => {
                return Err(Error::CrossTenantReference { from, field, to })
            }
            _ => return Err(Error::DanglingReference { from, field, to }),
        }
        if seen.insert(id) {
            ids.push(id.to_string());
        }
    }
    Ok(ids)
}

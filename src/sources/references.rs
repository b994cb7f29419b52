//! Who the rows of one environment may name: the users and groups of its tenant, and (for
//! Dataverse) its Dataverse users, each resolved once to their Entra object id.

use super::rows::SystemUserRow;
use crate::error::{Error, Result};
use crate::graph::maps::KeyedMap;
use crate::graph::read::Item;
use crate::model::World;
use std::borrow::Cow;

/// What an id is to the environment's tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// A user (or group) of the tenant.
    Own,
    /// A user (or group) of another tenant.
    Other,
    /// Nobody the input holds.
    Unknown,
}

/// Who the rows of one environment may name.
pub(crate) struct References<'w> {
    world: &'w World,
    tenant_id: &'w str,
    users: &'w KeyedMap<&'w str, usize>,
    groups: &'w KeyedMap<&'w str, usize>,
    /// Dataverse user id (lowercase) → Entra object id and its standing.
    system_users: KeyedMap<Cow<'w, str>, (&'w str, Standing)>,
}

fn dangling(from: &str, field: &'static str, to: &str) -> Error {
    Error::DanglingReference {
        from: from.to_string(),
        field,
        to: to.to_string(),
    }
}

fn cross(from: &str, field: &'static str, to: &str) -> Error {
    Error::CrossTenantReference {
        from: from.to_string(),
        field,
        to: to.to_string(),
    }
}

/// `Ok` for an id of the tenant, the error naming `from`, `field` and `id` otherwise.
fn refused(standing: Standing, from: &str, field: &'static str, id: &str) -> Result<()> {
    match standing {
        Standing::Own => Ok(()),
        Standing::Other => Err(cross(from, field, id)),
        Standing::Unknown => Err(dangling(from, field, id)),
    }
}

/// `id` in lowercase, borrowed when it already is (Dataverse writes ids in lowercase).
pub(super) fn lowercase(id: &str) -> Cow<'_, str> {
    match id.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(id.to_ascii_lowercase()),
        false => Cow::Borrowed(id),
    }
}

impl<'w> References<'w> {
    /// The references of an environment of `tenant_id`, without Dataverse users.
    pub fn new(
        world: &'w World,
        tenant_id: &'w str,
        users: &'w KeyedMap<&'w str, usize>,
        groups: &'w KeyedMap<&'w str, usize>,
    ) -> References<'w> {
        References {
            world,
            tenant_id,
            users,
            groups,
            system_users: KeyedMap::default(),
        }
    }

    /// Adds the environment's Dataverse users from its `systemusers` rows.
    pub fn with_system_users(mut self, rows: &[Item<'w, SystemUserRow<'w>>]) -> Result<Self> {
        self.system_users.reserve(rows.len());
        for o in rows {
            let id = o
                .spot
                .required_string("systemuserid", &o.row.systemuserid)?;
            let aad = &o.row.azureactivedirectoryobjectid;
            if let Some(aad) = o.spot.string("azureactivedirectoryobjectid", aad)? {
                let standing = self.user_standing(aad);
                self.system_users.insert(lowercase(id), (aad, standing));
            }
        }
        Ok(self)
    }

    fn user_standing(&self, id: &str) -> Standing {
        match self.users.get(id) {
            Some(&i) if self.world.users[i].tenant_id == self.tenant_id => Standing::Own,
            Some(_) => Standing::Other,
            None => Standing::Unknown,
        }
    }

    /// Refuses `id` unless it is a user of the tenant.
    pub fn user(&self, from: &str, field: &'static str, id: &str) -> Result<()> {
        refused(self.user_standing(id), from, field, id)
    }

    /// Refuses `id` unless it is a user or group of the tenant.
    pub fn principal(&self, from: &str, field: &'static str, id: &str) -> Result<()> {
        if let Some(&i) = self.groups.get(id) {
            return match self.world.groups[i].tenant_id == self.tenant_id {
                true => Ok(()),
                false => Err(cross(from, field, id)),
            };
        }
        self.user(from, field, id)
    }

    /// The Entra object id of Dataverse user `system_user_id`, refused unless it is a
    /// user of the tenant.
    pub fn dataverse_user(
        &self,
        from: &str,
        field: &'static str,
        system_user_id: &str,
    ) -> Result<&'w str> {
        match self.system_users.get(lowercase(system_user_id).as_ref()) {
            Some(&(aad, standing)) => refused(standing, from, field, aad).map(|()| aad),
            None => Err(dangling(from, field, system_user_id)),
        }
    }

    /// The error of an environment entry whose tenant the Graph pages do not hold.
    pub fn unknown_tenant(root: &str, at: usize, tenant_id: &str) -> Error {
        dangling(&format!("{root}[{at}]"), "tenantId", tenant_id)
    }

    /// The error of rows naming an approval or flow `id` the environment does not list.
    pub fn dangling(from: &str, field: &'static str, id: &str) -> Error {
        dangling(from, field, id)
    }
}

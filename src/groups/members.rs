//! An owner taking someone out of their group — and with it out of every app the group
//! reaches. Removing is allowed even while self-service is turned off for the tenant,
//! so an owner can always take access away.

use super::{group_of_tenant, is_direct_member, require_assigned_membership, require_owner};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::model::Group;

/// `owner_id` removes the user or group `member_id` from `group_id` of `tenant_id`.
/// Returns the group as stored.
///
/// Refused, with nothing changed: `UNKNOWN_GROUP`, `NOT_GROUP_OWNER`, `DYNAMIC_GROUP`,
/// `ON_PREMISES_GROUP` and `NOT_A_MEMBER` (not a direct member).
pub fn remove_from_group(
    dir: &mut Directory,
    tenant_id: &str,
    owner_id: &str,
    group_id: &str,
    member_id: &str,
) -> Result<Group> {
    let group = group_of_tenant(dir, tenant_id, group_id)?;
    require_owner(group, owner_id)?;
    require_assigned_membership(group)?;
    if !is_direct_member(group, member_id) {
        return Err(Error::NotAMember {
            group: group.id.clone(),
            member: member_id.to_string(),
        });
    }
    let mut next = group.clone();
    next.members.retain(|m| m != member_id);
    dir.upsert_group(next.clone())?;
    Ok(next)
}

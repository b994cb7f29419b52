//! The parts of a tenant's settings added after format 4 was fixed: who may invite
//! guests and cross-tenant rules that cover only some people or applications. A tenant
//! or partner that has none of them is written exactly as before (no flag bit set), so
//! older format-4 snapshots still read and a world without them makes the same bytes;
//! one that has them sets a flag bit an older reader refuses (`SNAPSHOT_CORRUPT`)
//! instead of silently dropping a rule.

use crate::binary::{corrupt, Reader, Writer};
use crate::error::Result;
use crate::model::{AccessTargets, AllowInvitesFrom, TenantSettings};

/// Tenant flag bit: the extended settings follow the partners.
pub(super) const TENANT_EXTENDED: u8 = 8;
/// Partner flag bit: inbound targets follow the partner's flags byte.
pub(super) const PARTNER_INBOUND_TARGETS: u8 = 16;
/// Partner flag bit: outbound targets follow (after the inbound ones, if any).
pub(super) const PARTNER_OUTBOUND_TARGETS: u8 = 32;

const INVITES: [AllowInvitesFrom; 4] = [
    AllowInvitesFrom::None,
    AllowInvitesFrom::AdminsAndGuestInviters,
    AllowInvitesFrom::AdminsGuestInvitersAndAllMembers,
    AllowInvitesFrom::Everyone,
];

/// Whether `settings` holds anything only the extended part can carry.
pub(super) fn extended(settings: &TenantSettings) -> bool {
    let default = &settings.cross_tenant_access.default;
    settings.allow_invites_from != AllowInvitesFrom::Everyone
        || default.inbound_targets.is_some()
        || default.outbound_targets.is_some()
}

/// Writes the extended part of `settings`.
pub(super) fn write_extended(w: &mut Writer, settings: &TenantSettings) {
    w.byte(settings.allow_invites_from as u8);
    let default = &settings.cross_tenant_access.default;
    write_optional(w, default.inbound_targets.as_ref());
    write_optional(w, default.outbound_targets.as_ref());
}

/// Reads the extended part into `settings`.
pub(super) fn read_extended(r: &mut Reader<'_>, settings: &mut TenantSettings) -> Result<()> {
    let at = usize::from(r.byte("tenant allowInvitesFrom")?);
    settings.allow_invites_from = *INVITES
        .get(at)
        .ok_or_else(|| corrupt(format_args!("tenant allowInvitesFrom: unknown tag {at}")))?;
    let default = &mut settings.cross_tenant_access.default;
    default.inbound_targets = read_optional(r)?;
    default.outbound_targets = read_optional(r)?;
    Ok(())
}

fn write_optional(w: &mut Writer, targets: Option<&AccessTargets>) {
    match targets {
        None => w.byte(0),
        Some(t) => {
            w.byte(1);
            write_targets(w, t);
        }
    }
}

fn read_optional(r: &mut Reader<'_>) -> Result<Option<AccessTargets>> {
    match r.byte("access targets present")? {
        0 => Ok(None),
        1 => read_targets(r).map(Some),
        other => Err(corrupt(format_args!("access targets: unknown tag {other}"))),
    }
}

/// Writes one set of access targets.
pub(super) fn write_targets(w: &mut Writer, t: &AccessTargets) {
    w.strs(&t.users_and_groups);
    w.strs(&t.applications);
    w.byte(u8::from(t.users_and_groups_allowed) | u8::from(t.applications_allowed) << 1);
}

/// Reads one set of access targets.
pub(super) fn read_targets(r: &mut Reader<'_>) -> Result<AccessTargets> {
    let users_and_groups = r.strs("access target users and groups")?;
    let applications = r.strs("access target applications")?;
    let bits = r.byte("access target flags")?;
    if bits & !0b11 != 0 {
        return Err(corrupt(format_args!(
            "access targets: unknown flags {bits:#04x}"
        )));
    }
    Ok(AccessTargets {
        users_and_groups,
        users_and_groups_allowed: bits & 1 != 0,
        applications,
        applications_allowed: bits & 2 != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_invite_setting_is_its_tag() {
        assert!(INVITES.iter().enumerate().all(|(i, v)| *v as usize == i));
    }
}

//! Collaboration between tenants and the prerequisites for using flows.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{code, directory};
use guestpass::b2b::{self, LicenseSource, Missing};

#[test]
fn same_cloud_tenants_with_default_settings_collaborate() {
    let dir = directory();
    let v = b2b::collaboration(&dir, "contoso", "fabrikam").unwrap();
    assert!(v.allowed);
    assert!(v.blockers.is_empty());
    assert!(
        b2b::collaboration(&dir, "contoso", "contoso")
            .unwrap()
            .allowed
    );
}

#[test]
fn a_partner_setting_overrides_the_default_inbound() {
    let dir = directory();
    // contoso enables usgov and tailspin enables global, but contoso blocks tailspin inbound.
    let v = b2b::collaboration(&dir, "contoso", "tailspin").unwrap();
    assert!(!v.allowed);
    assert_eq!(v.blockers.len(), 1);
    assert_eq!(v.blockers[0].tenant_id, "contoso");
    assert_eq!(v.blockers[0].code, "INBOUND_BLOCKED");
    assert_eq!(
        v.blockers[0].setting,
        "crossTenantAccess.partners.tailspin.inbound"
    );
    // The other direction only needs tailspin inbound (default) and contoso outbound (default).
    assert!(
        b2b::collaboration(&dir, "tailspin", "contoso")
            .unwrap()
            .allowed
    );
}

#[test]
fn across_clouds_both_tenants_must_enable_the_other_cloud() {
    let dir = directory();
    // fabrikam (global) enables no other cloud; tailspin (usgov) enables global.
    let v = b2b::collaboration(&dir, "tailspin", "fabrikam").unwrap();
    assert!(!v.allowed);
    assert_eq!(v.blockers.len(), 1);
    assert_eq!(v.blockers[0].tenant_id, "fabrikam");
    assert_eq!(v.blockers[0].code, "CLOUD_NOT_ENABLED");
    // woodgrove (china) enables nothing and blocks outbound by default: three blockers.
    let v = b2b::collaboration(&dir, "contoso", "woodgrove").unwrap();
    let codes: Vec<_> = v
        .blockers
        .iter()
        .map(|b| (b.tenant_id.as_str(), b.code))
        .collect();
    assert_eq!(
        codes,
        [
            ("contoso", "CLOUD_NOT_ENABLED"),
            ("woodgrove", "CLOUD_NOT_ENABLED"),
            ("woodgrove", "OUTBOUND_BLOCKED")
        ]
    );
    assert_eq!(v.blockers[2].setting, "crossTenantAccess.default.outbound");
}

#[test]
fn unknown_tenants_are_errors() {
    let dir = directory();
    assert_eq!(
        code(b2b::collaboration(&dir, "contoso", "atlantis")),
        "UNKNOWN_TENANT"
    );
    assert_eq!(
        code(b2b::collaboration(&dir, "atlantis", "contoso")),
        "UNKNOWN_TENANT"
    );
}

#[test]
fn a_guest_license_counts_from_either_tenant() {
    let dir = directory();
    // alice's guest object has no license; her home user holds powerAutomate.
    let guest = dir.user("alice-at-contoso").unwrap();
    assert_eq!(
        b2b::license_source(&dir, guest),
        Some(LicenseSource::HomeTenant)
    );
    // gina (outside account) has office365 assigned by the resource tenant.
    let gina = dir.user("gina-gmail").unwrap();
    assert_eq!(
        b2b::license_source(&dir, gina),
        Some(LicenseSource::ThisTenant)
    );
    // carol: no license anywhere.
    let carol = dir.user("carol-at-contoso").unwrap();
    assert_eq!(b2b::license_source(&dir, carol), None);
    assert_eq!(
        b2b::flow_prerequisite(&dir, carol),
        Some(Missing::NoLicense)
    );
}

#[test]
fn prerequisites_name_what_is_missing_first() {
    let dir = directory();
    let pending = dir.user("dan-pending").unwrap();
    assert_eq!(
        b2b::flow_prerequisite(&dir, pending),
        Some(Missing::InvitationPending)
    );
    let gina = dir.user("gina-gmail").unwrap();
    assert_eq!(b2b::flow_prerequisite(&dir, gina), Some(Missing::NoConsent));
    let alice = dir.user("alice-at-contoso").unwrap();
    assert_eq!(b2b::flow_prerequisite(&dir, alice), None);
}

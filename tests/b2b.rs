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

/// `(tenant, code)` of each blocker of `resource ← home`.
fn blockers(
    dir: &guestpass::directory::Directory,
    resource: &str,
    home: &str,
) -> Vec<(String, &'static str)> {
    b2b::collaboration(dir, resource, home)
        .unwrap()
        .blockers
        .iter()
        .map(|b| (b.tenant_id.clone(), b.code))
        .collect()
}

fn pairs(expected: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    expected.iter().map(|(t, c)| (t.to_string(), *c)).collect()
}

#[test]
fn a_partner_setting_overrides_the_default_inbound() {
    let mut dir = directory();
    // contoso enables usgov and adds tailspin as a partner (inbound off); tailspin enables
    // global but has not added contoso.
    assert_eq!(
        blockers(&dir, "contoso", "tailspin"),
        pairs(&[
            ("tailspin", "PARTNER_NOT_ADDED"),
            ("contoso", "INBOUND_BLOCKED")
        ])
    );
    // Once tailspin adds contoso (inheriting its defaults), only contoso's partner setting blocks.
    let mut tailspin = dir.tenant("tailspin").unwrap().clone();
    tailspin
        .settings
        .cross_tenant_access
        .partners
        .insert("contoso".into(), Default::default());
    dir.upsert_tenant(tailspin).unwrap();
    let v = b2b::collaboration(&dir, "contoso", "tailspin").unwrap();
    assert_eq!(v.blockers.len(), 1);
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

// Entra "Enable B2B collaboration across Microsoft clouds": each organization enables the
// other's cloud and adds the other to its organizational settings; until then all B2B
// collaboration with that cloud is blocked; only commercial <-> US Government and
// commercial <-> 21Vianet exist.
#[test]
fn across_clouds_both_tenants_must_enable_the_other_cloud_and_add_the_other() {
    let mut dir = directory();
    // fabrikam (global) enables no other cloud and adds nobody; tailspin (usgov) enables
    // global but adds only whom it names.
    assert_eq!(
        blockers(&dir, "tailspin", "fabrikam"),
        pairs(&[
            ("tailspin", "PARTNER_NOT_ADDED"),
            ("fabrikam", "CLOUD_NOT_ENABLED"),
            ("fabrikam", "PARTNER_NOT_ADDED")
        ])
    );
    // tailspin ← contoso: contoso did its part; tailspin enabled the cloud but did not add contoso.
    assert_eq!(
        blockers(&dir, "tailspin", "contoso"),
        pairs(&[("tailspin", "PARTNER_NOT_ADDED")])
    );
    // woodgrove (china) enables nothing and blocks outbound by default.
    assert_eq!(
        blockers(&dir, "contoso", "woodgrove"),
        pairs(&[
            ("contoso", "CLOUD_NOT_ENABLED"),
            ("contoso", "PARTNER_NOT_ADDED"),
            ("woodgrove", "CLOUD_NOT_ENABLED"),
            ("woodgrove", "PARTNER_NOT_ADDED"),
            ("woodgrove", "OUTBOUND_BLOCKED")
        ])
    );
    // US Government and 21Vianet never collaborate, whatever both enable and add.
    for (t, other, cloud) in [
        ("tailspin", "woodgrove", guestpass::model::Cloud::China),
        ("woodgrove", "tailspin", guestpass::model::Cloud::Usgov),
    ] {
        let mut tenant = dir.tenant(t).unwrap().clone();
        tenant.settings.enabled_clouds.push(cloud);
        tenant
            .settings
            .cross_tenant_access
            .partners
            .insert(other.into(), Default::default());
        tenant.settings.cross_tenant_access.default.outbound = true;
        dir.upsert_tenant(tenant).unwrap();
    }
    assert_eq!(
        blockers(&dir, "tailspin", "woodgrove"),
        pairs(&[("tailspin", "CLOUDS_NOT_PAIRED")])
    );
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

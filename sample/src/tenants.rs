//! The sample world's tenants, their B2B settings, and where guests come from.
//!
//! Collaboration verdicts (resource ← home) these settings give:
//!
//! | resource ↓ / home →  | contoso | fabrikam | northwind | tailspin | woodgrove |
//! |----------------------|---------|----------|-----------|----------|-----------|
//! | contoso              |         | yes      | yes       | yes (across clouds) | no: contoso's partner setting blocks woodgrove inbound |
//! | fabrikam             | yes     |          | yes       | no: fabrikam does not enable usgov | yes |
//! | northwind            | yes     | yes      |           | no: cloud | yes |
//! | tailspin             | yes (across clouds) | no: cloud | no: cloud | | no: cloud |
//! | woodgrove            | no: woodgrove's default inbound is off | yes: partner override | no: inbound off, and northwind's outbound to woodgrove off | no: cloud and inbound | |
//!
//! Guests are invited along [`GUEST_ROUTES`]; the three blocked routes there are rare
//! on purpose (demo material for refused sign-ins).

use guestpass::model::{
    AccessDirections, Cloud, CrossTenantAccess, GuestAccess, PartnerAccess, Tenant, TenantSettings,
};
use std::collections::BTreeMap;

/// Tenant positions in [`TENANTS`], for readable references.
pub(super) const CONTOSO: usize = 0;
/// Fabrikam's position.
pub(super) const FABRIKAM: usize = 1;
/// Northwind's position.
pub(super) const NORTHWIND: usize = 2;
/// Tailspin's position (usgov cloud).
pub(super) const TAILSPIN: usize = 3;
/// Woodgrove's position.
pub(super) const WOODGROVE: usize = 4;

/// What the generator needs to know about a tenant.
pub(super) struct TenantSpec {
    /// Tenant id.
    pub id: &'static str,
    /// Organization name.
    pub display_name: &'static str,
    /// Cloud.
    pub cloud: Cloud,
    /// Verified domains; members' mail uses the first.
    pub domains: &'static [&'static str],
    /// The initial domain guest UPNs are minted in.
    pub initial_domain: &'static str,
    /// Share of generated members, relative to the other tenants.
    pub member_share: u32,
    /// Share of guests with outside email accounts, relative to the other tenants.
    pub outside_guest_share: u32,
}

/// The tenants, in a fixed order (positions are the constants above).
pub(super) static TENANTS: [TenantSpec; 5] = [
    TenantSpec {
        id: "contoso",
        display_name: "Contoso",
        cloud: Cloud::Global,
        domains: &["contoso.com"],
        initial_domain: "contoso.onmicrosoft.com",
        member_share: 35,
        outside_guest_share: 40,
    },
    TenantSpec {
        id: "fabrikam",
        display_name: "Fabrikam",
        cloud: Cloud::Global,
        domains: &["fabrikam.com", "fabrikam.fr"],
        initial_domain: "fabrikam.onmicrosoft.com",
        member_share: 25,
        outside_guest_share: 30,
    },
    TenantSpec {
        id: "northwind",
        display_name: "Northwind Traders",
        cloud: Cloud::Global,
        domains: &["northwindtraders.com"],
        initial_domain: "northwindtraders.onmicrosoft.com",
        member_share: 15,
        outside_guest_share: 20,
    },
    TenantSpec {
        id: "tailspin",
        display_name: "Tailspin Toys (US Government)",
        cloud: Cloud::Usgov,
        domains: &["tailspintoys.us"],
        initial_domain: "tailspintoys.onmicrosoft.us",
        member_share: 10,
        outside_guest_share: 3,
    },
    TenantSpec {
        id: "woodgrove",
        display_name: "Woodgrove Bank",
        cloud: Cloud::Global,
        domains: &["woodgrovebank.com"],
        initial_domain: "woodgrovebank.onmicrosoft.com",
        member_share: 15,
        outside_guest_share: 7,
    },
];

// Invitations are tracked in one byte per person, one bit per tenant.
const _: () = assert!(TENANTS.len() <= 8);

/// Where tenant-homed guests are invited: (resource, home, relative share). The three
/// blocked pairs are rare on purpose: demo material for refused sign-ins.
pub(super) static GUEST_ROUTES: &[(usize, usize, u32)] = &[
    (CONTOSO, FABRIKAM, 20),
    (CONTOSO, NORTHWIND, 10),
    (CONTOSO, TAILSPIN, 6),
    (CONTOSO, WOODGROVE, 1),
    (FABRIKAM, CONTOSO, 15),
    (FABRIKAM, NORTHWIND, 6),
    (FABRIKAM, WOODGROVE, 5),
    (FABRIKAM, TAILSPIN, 1),
    (NORTHWIND, CONTOSO, 8),
    (NORTHWIND, FABRIKAM, 6),
    (NORTHWIND, WOODGROVE, 3),
    (TAILSPIN, CONTOSO, 6),
    (WOODGROVE, FABRIKAM, 5),
    (WOODGROVE, CONTOSO, 1),
];

/// Mail domains of outside (non-tenant) email accounts.
pub(super) static OUTSIDE_DOMAINS: &[&str] = &[
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "hotmail.com",
    "proton.me",
];

fn partner(inbound: Option<bool>, outbound: Option<bool>) -> PartnerAccess {
    PartnerAccess {
        inbound,
        outbound,
        ..PartnerAccess::default()
    }
}

fn settings(position: usize) -> TenantSettings {
    let mut s = TenantSettings::default();
    let mut partners = BTreeMap::new();
    match position {
        CONTOSO => {
            s.guest_access = GuestAccess::Limited;
            s.self_service_group_management = true;
            s.enabled_clouds = vec![Cloud::Usgov];
            partners.insert("woodgrove".to_string(), partner(Some(false), None));
        }
        FABRIKAM => s.guest_access = GuestAccess::SameAsMember,
        NORTHWIND => {
            s.guest_access = GuestAccess::Restricted;
            partners.insert("woodgrove".to_string(), partner(None, Some(false)));
        }
        TAILSPIN => {
            s.guest_access = GuestAccess::Limited;
            s.enabled_clouds = vec![Cloud::Global];
        }
        _ => {
            s.guest_access = GuestAccess::Limited;
            s.cross_tenant_access.default = AccessDirections {
                inbound: false,
                outbound: true,
                ..AccessDirections::default()
            };
            partners.insert("fabrikam".to_string(), partner(Some(true), None));
        }
    }
    s.cross_tenant_access = CrossTenantAccess {
        default: s.cross_tenant_access.default,
        partners,
    };
    s
}

/// The tenants of the sample world with their settings.
pub(super) fn tenants() -> Vec<Tenant> {
    TENANTS
        .iter()
        .enumerate()
        .map(|(i, spec)| Tenant {
            id: spec.id.to_string(),
            display_name: spec.display_name.to_string(),
            cloud: spec.cloud,
            domains: spec.domains.iter().map(|d| d.to_string()).collect(),
            initial_domain: spec.initial_domain.to_string(),
            settings: settings(i),
        })
        .collect()
}

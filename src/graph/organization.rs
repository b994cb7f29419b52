//! A Graph `organization` resource → a tenant: `id`, `displayName` and
//! `verifiedDomains` (`name`, `isDefault`, `isInitial`).
//!
//! The domain with `isInitial: true` (`contoso.onmicrosoft.com`) becomes
//! `initialDomain`; the other verified domains become `domains`, the default one first.

use super::fields::{Object, Place};
use crate::error::Result;
use crate::model::{Cloud, Tenant, TenantSettings};
use serde_json::Value;

/// The tenant an organization resource describes, in `cloud` with `settings`.
pub(super) fn tenant(
    organization: &Value,
    position: usize,
    cloud: Cloud,
    settings: TenantSettings,
) -> Result<Tenant> {
    let place = Place {
        root: "tenants",
        tenant: position,
        list: "organization",
        key: None,
        page: None,
        item: None,
    };
    let label = format!("tenants[{position}]");
    let org = Object::new(organization, place, &label)?;
    let id = org.required_string("id")?;
    let org = Object::new(organization, place, id)?;
    let mut initial = None;
    let mut default = Vec::new();
    let mut others = Vec::new();
    for d in org.objects("verifiedDomains")? {
        let name = d.required_string("name")?.to_string();
        if d.boolean("isInitial")?.unwrap_or(false) && initial.is_none() {
            initial = Some(name);
        } else if d.boolean("isDefault")?.unwrap_or(false) {
            default.push(name);
        } else {
            others.push(name);
        }
    }
    let Some(initial_domain) = initial else {
        return Err(org.wrong(
            "verifiedDomains",
            "a domain with \"isInitial\": true (e.g. contoso.onmicrosoft.com)",
            "none",
        ));
    };
    default.extend(others);
    Ok(Tenant {
        id: id.to_string(),
        display_name: org.string("displayName")?.unwrap_or(id).to_string(),
        cloud,
        domains: default,
        initial_domain,
        settings,
    })
}

//! Licences from `assignedLicenses` and `/subscribedSkus`, for user pages fetched
//! without `assignedPlans`.
//!
//! A user's `assignedLicense` names a `skuId` and the `disabledPlans` (service plan ids)
//! turned off for them; the tenant's `subscribedSku` with that `skuId` lists its
//! `servicePlans` (`servicePlanId`, `servicePlanName`, `provisioningStatus`) and its
//! `capabilityStatus`. Following "Product names and service plan identifiers for
//! licensing", Power Automate's service plans are the ones named `FLOW_…`
//! (`FLOW_O365_P1`…`P3` in Office 365 plans, `FLOW_P1`, `FLOW_P2`, `FLOW_FREE`,
//! `FLOW_DYN_…`, …). A licence counts when its SKU is `Enabled` or `Warning` and carries
//! such a plan that is neither disabled for the user nor `Disabled` in the SKU. A
//! `skuId` the tenant's pages do not list counts for nothing.

use super::fields::Object;
use super::read::Item;
use super::rows::UserRow;
use super::users::usable;
use crate::error::Result;
use crate::graph::maps::{keyed_map, KeyedMap};

/// Power Automate's service plans by name (licensing service plan reference).
const FLOW_PLAN_PREFIX: &str = "FLOW_";

/// Each subscribed SKU of a tenant: usable or not, and its Power Automate plan ids.
#[derive(Debug, Default)]
pub(super) struct Skus {
    by_id: KeyedMap<String, (bool, Vec<String>)>,
}

impl Skus {
    /// The SKUs the objects of a tenant's `/subscribedSkus` pages describe.
    pub fn read(objects: &[Object<'_>]) -> Result<Skus> {
        let mut by_id = keyed_map(objects.len());
        for sku in objects {
            let id = sku.required_string("skuId")?.to_ascii_lowercase();
            let enabled = usable(sku.string("capabilityStatus")?);
            let mut flow_plans = Vec::new();
            for plan in sku.objects("servicePlans")? {
                let name = plan.string("servicePlanName")?.unwrap_or("");
                let provisioned = plan.string("provisioningStatus")? != Some("Disabled");
                if provisioned && name.to_ascii_uppercase().starts_with(FLOW_PLAN_PREFIX) {
                    if let Some(plan_id) = plan.string("servicePlanId")? {
                        flow_plans.push(plan_id.to_ascii_lowercase());
                    }
                }
            }
            by_id.insert(id, (enabled, flow_plans));
        }
        Ok(Skus { by_id })
    }

    /// Whether one of `user`'s `assignedLicenses` carries an enabled Power Automate plan.
    pub fn any_with_power_automate(&self, user: Item<'_, UserRow<'_>>) -> Result<bool> {
        for licence in user
            .spot
            .objects("assignedLicenses", &user.row.assigned_licenses)?
        {
            let (at, row) = (licence.spot, licence.row);
            let Some(sku) = at.string("skuId", &row.sku_id)? else {
                continue;
            };
            let disabled: Vec<String> = at
                .strings("disabledPlans", &row.disabled_plans)?
                .into_iter()
                .map(str::to_ascii_lowercase)
                .collect();
            if let Some((true, plans)) = self.by_id.get(&sku.to_ascii_lowercase()) {
                if plans.iter().any(|p| !disabled.contains(p)) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }
}

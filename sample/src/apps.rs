//! Generated enterprise apps: per tenant a SAML app configured for self-service with
//! its group assigned, an OpenID Connect app and a password-based one.

use super::crowd::{principal_id, Crowd};
use super::dice::Dice;
use super::tenants::TENANTS;
use guestpass::model::{App, SelfService, SingleSignOn, World};

/// Adds three apps to every tenant.
pub(super) fn add_apps(world: &mut World, dice: &mut Dice, crowd: &Crowd) {
    for (t, spec) in TENANTS.iter().enumerate() {
        let people = &crowd.0[t];
        let owner = world.users[people.member(dice)].id.clone();
        // The first generated group of a tenant is always an assigned security group.
        let self_service_group = people
            .groups
            .first()
            .map(|g| world.groups[g.index].id.clone());
        let mut assigned = Vec::new();
        for p in people.principals(dice, &world.users, 4, None) {
            assigned.push(principal_id(world, p));
        }
        let apps = [
            App {
                id: format!("{}-app1", spec.id),
                tenant_id: spec.id.to_string(),
                display_name: "Travel & Expenses".into(),
                single_sign_on: SingleSignOn::Saml,
                self_service: Some(SelfService {
                    enabled: true,
                    group_id: self_service_group.clone(),
                    require_approval: dice.percent(50),
                }),
                owners: vec![owner.clone()],
                assignments: self_service_group.into_iter().collect(),
            },
            App {
                id: format!("{}-app2", spec.id),
                tenant_id: spec.id.to_string(),
                display_name: "HR Portal".into(),
                single_sign_on: SingleSignOn::Oidc,
                self_service: None,
                owners: vec![owner.clone()],
                assignments: assigned,
            },
            App {
                id: format!("{}-app3", spec.id),
                tenant_id: spec.id.to_string(),
                display_name: "Legacy Intranet".into(),
                single_sign_on: SingleSignOn::Password,
                self_service: None,
                owners: vec![owner],
                assignments: people
                    .groups
                    .iter()
                    .take(2)
                    .map(|g| world.groups[g.index].id.clone())
                    .collect(),
            },
        ];
        world.apps.extend(apps);
    }
}

//! Generated flows: per tenant about three per square root of its members (at least 6,
//! at most [`MAX_FLOWS_PER_TENANT`]); manual, automated and scheduled, some turned off,
//! shared with co-owners (users, guests, groups) and, on manual flows only, with
//! run-only users.

use super::crowd::{principal_id, Crowd};
use super::dice::Dice;
use super::ids;
use super::tenants::TENANTS;
use guestpass::model::{Flow, Trigger, World};

/// The most flows generated in one tenant.
pub(super) const MAX_FLOWS_PER_TENANT: usize = 3_000;

static FLOW_NAMES: &[&str] = &[
    "Save email attachments to OneDrive",
    "Post new SharePoint items to Teams",
    "Request approval for new documents",
    "Send a weekly status reminder",
    "Copy new invoices to the finance library",
    "Notify me when a planner task is late",
    "Collect feedback from a Microsoft Form",
    "Archive completed projects",
    "Sync the vendor list to Excel",
    "Route travel requests to managers",
    "Daily digest of support tickets",
    "Welcome new team members",
    "Book a meeting room",
    "Escalate overdue approvals",
    "Export timesheets every Friday",
];

fn sqrt_floor(n: usize) -> usize {
    (n as f64).sqrt() as usize
}

/// How many flows (or, with another factor, approvals) a tenant of `members` gets.
pub(super) fn scaled(members: usize, per_sqrt: usize, low: usize, high: usize) -> usize {
    (per_sqrt * sqrt_floor(members)).clamp(low, high)
}

fn trigger(dice: &mut Dice) -> Trigger {
    match dice.below(10) {
        0..5 => Trigger::Manual,
        5..8 => Trigger::Automated,
        _ => Trigger::Scheduled,
    }
}

/// Adds the generated flows of every tenant.
pub(super) fn add_flows(world: &mut World, dice: &mut Dice, crowd: &Crowd) {
    for (t, spec) in TENANTS.iter().enumerate() {
        let people = &crowd.0[t];
        let n = scaled(people.members.len(), 3, 6, MAX_FLOWS_PER_TENANT);
        for i in 0..n {
            let trigger = trigger(dice);
            let owner = people.user(dice, &world.users, false);
            let shares = dice.below(4);
            let co_owners = people.principals(dice, &world.users, shares, Some(owner));
            let mut run_only = Vec::new();
            if trigger == Trigger::Manual {
                let shares = dice.below(4);
                run_only = people.principals(dice, &world.users, shares, Some(owner));
                run_only.retain(|p| !co_owners.contains(p));
            }
            let name = FLOW_NAMES[dice.below(FLOW_NAMES.len())];
            let flow = Flow {
                id: ids::numbered(spec.id, "flow", i + 1, 5),
                tenant_id: spec.id.to_string(),
                display_name: name.to_string(),
                trigger,
                enabled: dice.percent(85),
                owner_id: world.users[owner].id.clone(),
                co_owners: co_owners.iter().map(|&p| principal_id(world, p)).collect(),
                run_only: run_only.iter().map(|&p| principal_id(world, p)).collect(),
                environment: Some(crate::environment_of(spec.id)),
            };
            world.flows.push(flow);
        }
    }
}

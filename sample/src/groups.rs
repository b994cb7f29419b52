//! Generated groups: per tenant about one per fifty members (at least 4, at most
//! [`MAX_GROUPS_PER_TENANT`]), of every kind, with owners, guests in assigned groups
//! only, and nesting that can never form a cycle (a group only contains groups
//! generated before it).

use super::crowd::{Crowd, GroupRef};
use super::dice::Dice;
use super::ids;
use super::tenants::TENANTS;
use guestpass::model::{Group, JoinPolicy, World, DYNAMIC_MEMBERSHIP, UNIFIED};

/// The most groups generated in one tenant.
pub(super) const MAX_GROUPS_PER_TENANT: usize = 2_000;

/// How a group's membership is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GroupKind {
    /// Security group with assigned membership.
    Security,
    /// Security group with rule-based membership (`DynamicMembership`).
    Dynamic,
    /// Security group synced from on-premises Active Directory.
    Synced,
    /// Microsoft 365 group (`Unified`, mail-enabled) with assigned membership.
    Unified,
}

impl GroupKind {
    /// Whether guests may be members (assigned membership kept in the cloud).
    fn takes_guests(self) -> bool {
        matches!(self, GroupKind::Security | GroupKind::Unified)
    }
}

/// A group of `kind` with no owners or members, closed to join requests.
pub(super) fn new_group(id: String, tenant_id: &str, display: String, kind: GroupKind) -> Group {
    Group {
        id,
        tenant_id: tenant_id.to_string(),
        display_name: display,
        description: None,
        security_enabled: kind != GroupKind::Unified,
        mail_enabled: kind == GroupKind::Unified,
        group_types: match kind {
            GroupKind::Dynamic => vec![DYNAMIC_MEMBERSHIP.to_string()],
            GroupKind::Unified => vec![UNIFIED.to_string()],
            GroupKind::Security | GroupKind::Synced => Vec::new(),
        },
        on_premises_sync_enabled: kind == GroupKind::Synced,
        join_policy: JoinPolicy::Closed,
        owners: Vec::new(),
        members: Vec::new(),
    }
}

static TEAMS: &[&str] = &[
    "Finance",
    "Marketing",
    "Sales",
    "Engineering",
    "Legal",
    "HR",
    "Operations",
    "Support",
    "Procurement",
    "Research",
    "Design",
    "Security",
    "Facilities",
    "Logistics",
    "Data",
];

static QUALIFIERS: &[&str] = &[
    "Team",
    "Leads",
    "Berlin",
    "Lisbon",
    "Seattle",
    "Tokyo",
    "São Paulo",
    "Zürich",
    "Project Atlas",
    "Project Borealis",
    "Readers",
    "Approvers",
    "Contractors",
    "Champions",
];

fn kind(dice: &mut Dice, first: bool) -> GroupKind {
    if first {
        return GroupKind::Security;
    }
    match dice.below(100) {
        0..8 => GroupKind::Dynamic,
        8..18 => GroupKind::Synced,
        18..30 => GroupKind::Unified,
        _ => GroupKind::Security,
    }
}

fn join_policy(dice: &mut Dice, kind: GroupKind) -> JoinPolicy {
    if !kind.takes_guests() {
        return JoinPolicy::Closed;
    }
    match dice.below(3) {
        0 => JoinPolicy::Open,
        1 => JoinPolicy::OwnerApproval,
        _ => JoinPolicy::Closed,
    }
}

/// Adds the generated groups of every tenant and records them in `crowd`.
pub(super) fn add_groups(world: &mut World, dice: &mut Dice, crowd: &mut Crowd) {
    for (t, spec) in TENANTS.iter().enumerate() {
        let people = &crowd.0[t];
        let n = (people.members.len() / 50).clamp(4, MAX_GROUPS_PER_TENANT);
        let mut made: Vec<GroupRef> = Vec::with_capacity(n);
        for i in 0..n {
            let kind = kind(dice, i == 0);
            let team = TEAMS[dice.below(TEAMS.len())];
            let qualifier = QUALIFIERS[dice.below(QUALIFIERS.len())];
            let mut g = new_group(
                ids::numbered(spec.id, "grp", i + 1, 5),
                spec.id,
                format!("{team} {qualifier}"),
                kind,
            );
            if dice.percent(40) {
                g.description = Some(format!("{team} people in {qualifier}"));
            }
            g.join_policy = join_policy(dice, kind);
            let mut owners: Vec<usize> = Vec::new();
            for _ in 0..dice.between(1, 2) {
                let o = people.member(dice);
                if !owners.contains(&o) {
                    owners.push(o);
                }
            }
            let size = match kind {
                GroupKind::Dynamic => dice.between(5, 60),
                _ => dice.between(3, 25),
            };
            let mut users: Vec<usize> = Vec::with_capacity(size);
            for _ in 0..size {
                let u = if kind.takes_guests() {
                    people.user(dice, &world.users, true)
                } else {
                    people.member(dice)
                };
                if !users.contains(&u) {
                    users.push(u);
                }
            }
            let responder = users
                .iter()
                .copied()
                .find(|&u| !world.users[u].is_pending());
            g.owners = owners.iter().map(|&o| world.users[o].id.clone()).collect();
            g.members = users.iter().map(|&u| world.users[u].id.clone()).collect();
            if kind.takes_guests() && !made.is_empty() && dice.percent(25) {
                for _ in 0..dice.between(1, 2) {
                    if let Some(child) = dice.pick(&made) {
                        let child_id = &world.groups[child.index].id;
                        if !g.members.contains(child_id) {
                            g.members.push(child_id.clone());
                        }
                    }
                }
            }
            made.push(GroupRef {
                index: world.groups.len(),
                responder,
            });
            world.groups.push(g);
        }
        crowd.0[t].groups = made;
    }
}

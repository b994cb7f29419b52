//! Who is where: each tenant's members, guests and generated groups, by position in the
//! world's lists, so later steps can draw people and groups of one tenant quickly.

use super::dice::Dice;
use super::tenants::TENANTS;
use guestpass::model::{Id, User, UserType, World};

/// A generated group, as later steps need it.
#[derive(Debug, Clone, Copy)]
pub(super) struct GroupRef {
    /// Position in `world.groups`.
    pub index: usize,
    /// A user member who has redeemed (may respond to approvals sent to the group).
    pub responder: Option<usize>,
}

/// One tenant's people and generated groups.
#[derive(Debug, Default)]
pub(super) struct TenantCrowd {
    /// Positions in `world.users` of members.
    pub members: Vec<usize>,
    /// Positions in `world.users` of guest objects (accepted or pending).
    pub guests: Vec<usize>,
    /// Generated groups.
    pub groups: Vec<GroupRef>,
}

/// Every tenant's crowd, in [`TENANTS`] order.
pub(super) struct Crowd(pub Vec<TenantCrowd>);

impl Crowd {
    /// Sorts the world's users into tenants.
    pub fn count(world: &World) -> Crowd {
        let mut tenants: Vec<TenantCrowd> =
            TENANTS.iter().map(|_| TenantCrowd::default()).collect();
        for (i, u) in world.users.iter().enumerate() {
            if let Some(p) = TENANTS.iter().position(|t| t.id == u.tenant_id) {
                match u.user_type {
                    UserType::Member => tenants[p].members.push(i),
                    UserType::Guest => tenants[p].guests.push(i),
                }
            }
        }
        Crowd(tenants)
    }
}

/// A principal (user or group) that may be named in a share or as an approver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Principal {
    /// A user, by position in `world.users`.
    User(usize),
    /// A generated group.
    Group(usize),
}

impl TenantCrowd {
    /// A member; every tenant has at least its well-known members.
    pub fn member(&self, dice: &mut Dice) -> usize {
        self.members[dice.below(self.members.len())]
    }

    /// A user: mostly members, sometimes a guest (pending guests included only when
    /// `pending_ok`).
    pub fn user(&self, dice: &mut Dice, users: &[User], pending_ok: bool) -> usize {
        if dice.percent(25) {
            if let Some(&g) = dice.pick(&self.guests) {
                if pending_ok || !users[g].is_pending() {
                    return g;
                }
            }
        }
        self.member(dice)
    }

    /// A user or, about a quarter of the time, a generated group.
    pub fn principal(&self, dice: &mut Dice, users: &[User]) -> Principal {
        if dice.percent(25) {
            if let Some(g) = dice.pick(&self.groups) {
                return Principal::Group(g.index);
            }
        }
        Principal::User(self.user(dice, users, true))
    }

    /// A user who may respond for the principal: the user themself once redeemed, or a
    /// redeemed user member of a generated group.
    pub fn responder(&self, users: &[User], p: Principal) -> Option<usize> {
        match p {
            Principal::User(u) => (!users[u].is_pending()).then_some(u),
            Principal::Group(index) => {
                // Generated groups of one tenant are contiguous in `world.groups`.
                let first = self.groups.first()?.index;
                let g = self.groups.get(index.checked_sub(first)?)?;
                if g.index == index {
                    g.responder
                } else {
                    None
                }
            }
        }
    }

    /// Up to `n` distinct principals, none of them the user at `except`.
    pub fn principals(
        &self,
        dice: &mut Dice,
        users: &[User],
        n: usize,
        except: Option<usize>,
    ) -> Vec<Principal> {
        let mut picked = Vec::with_capacity(n);
        for _ in 0..n * 2 {
            if picked.len() == n {
                break;
            }
            let p = self.principal(dice, users);
            if Some(p) != except.map(Principal::User) && !picked.contains(&p) {
                picked.push(p);
            }
        }
        picked
    }
}

/// The id a principal names.
pub(super) fn principal_id(world: &World, p: Principal) -> Id {
    match p {
        Principal::User(i) => world.users[i].id.clone(),
        Principal::Group(i) => world.groups[i].id.clone(),
    }
}

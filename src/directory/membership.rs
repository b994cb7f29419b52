//! Group membership: who belongs to which group, directly or through nested groups,
//! and the chain it came through. Cycles of groups are refused when they would be
//! created, so walking up never loops; the walks still keep a visited set.

use super::table::Table;
use super::Directory;
use crate::error::{Error, Result};
use crate::model::{Group, User};
use serde::Serialize;
use std::collections::{HashMap, HashSet, VecDeque};

/// A user or a group, by slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Principal {
    /// A user slot.
    User(u32),
    /// A group slot.
    Group(u32),
}

/// One group a principal belongs to and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    /// The group.
    pub group_id: String,
    /// Groups from the principal's nearest group up to and including `group_id`.
    pub path: Vec<String>,
}

/// The reverse of groups' member lists: principal -> groups that directly contain it.
#[derive(Debug, Clone, Default)]
pub struct MemberOf {
    parents: HashMap<Principal, Vec<u32>>,
}

impl MemberOf {
    /// Builds the reverse index from every group's members.
    pub fn build(groups: &Table<Group>, users: &Table<User>) -> MemberOf {
        let mut index = MemberOf::default();
        for (slot, group) in groups.iter_slots() {
            index.add_group(slot, group, groups, users);
        }
        index
    }

    /// Records that `group` (in `slot`) contains its members.
    pub fn add_group(
        &mut self,
        slot: u32,
        group: &Group,
        groups: &Table<Group>,
        users: &Table<User>,
    ) {
        for member in &group.members {
            let principal = match users.slot_of(member) {
                Some(u) => Principal::User(u),
                None => match groups.slot_of(member) {
                    Some(g) => Principal::Group(g),
                    None => continue,
                },
            };
            let parents = self.parents.entry(principal).or_default();
            if !parents.contains(&slot) {
                parents.push(slot);
            }
        }
    }

    /// Forgets that the group in `slot` contains anything.
    pub fn remove_group(
        &mut self,
        slot: u32,
        group: &Group,
        groups: &Table<Group>,
        users: &Table<User>,
    ) {
        for member in &group.members {
            let principal = match users.slot_of(member) {
                Some(u) => Principal::User(u),
                None => match groups.slot_of(member) {
                    Some(g) => Principal::Group(g),
                    None => continue,
                },
            };
            if let Some(parents) = self.parents.get_mut(&principal) {
                parents.retain(|p| *p != slot);
                if parents.is_empty() {
                    self.parents.remove(&principal);
                }
            }
        }
    }

    /// Forgets a principal entirely (it was removed from the directory).
    pub fn forget(&mut self, principal: Principal) {
        self.parents.remove(&principal);
    }

    /// The groups that directly contain `principal`.
    pub fn direct(&self, principal: Principal) -> &[u32] {
        self.parents
            .get(&principal)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// Every group `principal` belongs to, nearest first, with the chain.
pub fn transitive(dir: &Directory, principal: &str) -> Vec<Membership> {
    let Some(start) = dir.principal(principal) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut seen: HashSet<u32> = HashSet::new();
    let mut queue: VecDeque<(u32, Vec<String>)> = VecDeque::new();
    for parent in dir.member_of.direct(start) {
        queue.push_back((*parent, Vec::new()));
    }
    while let Some((slot, mut path)) = queue.pop_front() {
        if !seen.insert(slot) {
            continue;
        }
        let Some(group) = dir.group_at(slot) else {
            continue;
        };
        path.push(group.id.clone());
        for parent in dir.member_of.direct(Principal::Group(slot)) {
            if !seen.contains(parent) {
                queue.push_back((*parent, path.clone()));
            }
        }
        out.push(Membership {
            group_id: group.id.clone(),
            path,
        });
    }
    out
}

/// The chain of groups from `principal` up to `group` (both ends' groups included),
/// `Some(vec![])` when `principal` is `group` itself, `None` when it does not belong.
pub fn path(dir: &Directory, principal: &str, group: &str) -> Option<Vec<String>> {
    if principal == group {
        return Some(Vec::new());
    }
    let target = dir.group_slot(group)?;
    let start = dir.principal(principal)?;
    let mut came_from: HashMap<u32, Option<u32>> = HashMap::new();
    let mut queue: VecDeque<u32> = VecDeque::new();
    for parent in dir.member_of.direct(start) {
        if !came_from.contains_key(parent) {
            came_from.insert(*parent, None);
            queue.push_back(*parent);
        }
    }
    while let Some(slot) = queue.pop_front() {
        if slot == target {
            let mut chain = Vec::new();
            let mut cursor = Some(slot);
            while let Some(s) = cursor {
                chain.push(dir.group_at(s)?.id.clone());
                cursor = came_from.get(&s).copied().flatten();
            }
            chain.reverse();
            return Some(chain);
        }
        for parent in dir.member_of.direct(Principal::Group(slot)) {
            if !came_from.contains_key(parent) {
                came_from.insert(*parent, Some(slot));
                queue.push_back(*parent);
            }
        }
    }
    None
}

/// Refuses a directory in which some group contains itself through nested groups, or
/// nests groups deeper than [`crate::limits::MAX_GROUP_DEPTH`].
pub fn check_no_cycles(dir: &Directory) -> Result<()> {
    // Iterative three-colour depth-first search over "group contains group" edges; a
    // group's height (the longest chain of groups down from it) is known when it is done.
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1 = on stack, 2 = done
    let mut height: HashMap<&str, usize> = HashMap::new();
    for root in dir.groups() {
        if state.contains_key(root.id.as_str()) {
            continue;
        }
        let mut stack: Vec<(&Group, usize)> = vec![(root, 0)];
        state.insert(&root.id, 1);
        while let Some((group, next)) = stack.pop() {
            let child = group.members[next..]
                .iter()
                .enumerate()
                .find_map(|(i, m)| dir.group(m).map(|g| (next + i, g)));
            match child {
                Some((index, child)) => {
                    stack.push((group, index + 1));
                    match state.get(child.id.as_str()) {
                        Some(1) => {
                            return Err(Error::GroupCycle {
                                group: group.id.clone(),
                                member: child.id.clone(),
                            })
                        }
                        Some(_) => {}
                        None => {
                            state.insert(&child.id, 1);
                            stack.push((child, 0));
                        }
                    }
                }
                None => {
                    let below = group
                        .members
                        .iter()
                        .filter_map(|m| height.get(m.as_str()))
                        .max()
                        .copied()
                        .unwrap_or(0);
                    crate::limits::group_depth(&group.id, below + 1)?;
                    height.insert(&group.id, below + 1);
                    state.insert(&group.id, 2);
                }
            }
        }
    }
    Ok(())
}

/// Refuses making `members` the members of `group_id` when one of them contains
/// `group_id` (directly or through nested groups), or is `group_id` itself.
pub fn check_no_new_cycle(dir: &Directory, group_id: &str, members: &[String]) -> Result<()> {
    for member in members {
        if dir.group(member).is_none() && member != group_id {
            continue;
        }
        if member == group_id || path(dir, group_id, member).is_some() {
            return Err(Error::GroupCycle {
                group: group_id.to_string(),
                member: member.clone(),
            });
        }
    }
    check_new_depth(dir, group_id, members)
}

/// Refuses making `members` the members of `group_id` when the longest chain of groups
/// through it would pass [`crate::limits::MAX_GROUP_DEPTH`]: the chain above it (groups
/// containing it) plus the chain below (its member groups and theirs). Assumes no cycle.
fn check_new_depth(dir: &Directory, group_id: &str, members: &[String]) -> Result<()> {
    let mut down: HashMap<u32, usize> = HashMap::new();
    let below = members
        .iter()
        .filter_map(|m| dir.group_slot(m))
        .map(|slot| height_down(dir, slot, &mut down))
        .max()
        .unwrap_or(0);
    let above = match dir.group_slot(group_id) {
        Some(slot) => height_up(dir, slot, &mut HashMap::new()),
        None => 0,
    };
    crate::limits::group_depth(group_id, above + 1 + below)
}

/// The longest chain of groups from `slot` down through its member groups, `slot`
/// included. Memoized; the depth it recurses to is bounded by the directory's checked
/// nesting depth.
fn height_down(dir: &Directory, slot: u32, memo: &mut HashMap<u32, usize>) -> usize {
    if let Some(h) = memo.get(&slot) {
        return *h;
    }
    memo.insert(slot, 1); // guards against a cycle the checks missed
    let children: Vec<u32> = dir
        .group_at(slot)
        .map(|g| g.members.iter().filter_map(|m| dir.group_slot(m)).collect())
        .unwrap_or_default();
    let h = 1 + children
        .into_iter()
        .map(|c| height_down(dir, c, memo))
        .max()
        .unwrap_or(0);
    memo.insert(slot, h);
    h
}

/// The longest chain of groups containing `slot`, directly or nested, `slot` excluded.
fn height_up(dir: &Directory, slot: u32, memo: &mut HashMap<u32, usize>) -> usize {
    if let Some(h) = memo.get(&slot) {
        return *h;
    }
    memo.insert(slot, 0);
    let parents = dir.member_of.direct(Principal::Group(slot)).to_vec();
    let h = parents
        .into_iter()
        .map(|p| 1 + height_up(dir, p, memo))
        .max()
        .unwrap_or(0);
    memo.insert(slot, h);
    h
}

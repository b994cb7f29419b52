//! Who takes part in which approval, so a person's Received and Sent lists are read from
//! a few short lists instead of a scan of every approval.
//!
//! The index is plain data: for each principal (user or group) the approvals that name
//! it among the approvers (or, for a user, carry their response), and for each user the
//! approvals they requested. Each list is split into **open** (stored status `pending`)
//! and **closed** (anything else) and kept newest first by `createdAt`, so "pending ones
//! created after a time" is a binary search and a slice. Group membership is not in the
//! index: callers expand a person into their groups with
//! [`Directory::transitive_groups_of`] at query time, so membership changes need no
//! index upkeep. Approval rules (whose turn it is, expiry) live in `approvals`.

use super::membership::Principal;
use super::Directory;
use crate::model::{Approval, ApprovalStatus};
use crate::timestamp::Timestamp;
use std::collections::HashMap;

/// The part a principal plays in an approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApprovalRole {
    /// Named among the approvers (a user or a group), or a user who responded.
    Approver,
    /// The user who asked.
    Requester,
}

/// Approval slots of one principal, newest first.
#[derive(Debug, Clone, Default)]
struct Postings {
    open: Vec<u32>,
    closed: Vec<u32>,
}

/// Principal -> approvals, by role; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct ApprovalIndex {
    /// Creation time by approval slot.
    created: Vec<Timestamp>,
    approvers: HashMap<Principal, Postings>,
    requesters: HashMap<Principal, Postings>,
}

/// Where one approval is filed: its creation time, open or closed, and its principals.
struct Filing {
    created: Timestamp,
    open: bool,
    keys: Vec<(ApprovalRole, Principal)>,
}

/// A posting list's order: newest first, then by slot (the creation time's 96 order bits,
/// inverted, above the slot's 32).
fn sort_key(created: &[Timestamp], slot: u32) -> u128 {
    let t = created
        .get(slot as usize)
        .copied()
        .unwrap_or(Timestamp::UNIX_EPOCH);
    ((Timestamp::ORDER_BITS_MAX - t.order_bits()) << 32) | u128::from(slot)
}

impl ApprovalIndex {
    /// Indexes every approval of `dir`.
    pub(super) fn build(dir: &Directory) -> ApprovalIndex {
        let mut index = ApprovalIndex::default();
        for (slot, approval) in dir.approvals.iter_slots() {
            let filing = dir.filing(approval);
            index.set_created(slot, filing.created);
            for (role, principal) in filing.keys {
                let postings = index.map_mut(role).entry(principal).or_default();
                if filing.open {
                    postings.open.push(slot);
                } else {
                    postings.closed.push(slot);
                }
            }
        }
        let ApprovalIndex {
            created,
            approvers,
            requesters,
        } = &mut index;
        for postings in approvers.values_mut().chain(requesters.values_mut()) {
            for list in [&mut postings.open, &mut postings.closed] {
                crate::order::sort_by_number(list, |s| sort_key(created, *s));
            }
        }
        index
    }

    fn map_mut(&mut self, role: ApprovalRole) -> &mut HashMap<Principal, Postings> {
        match role {
            ApprovalRole::Approver => &mut self.approvers,
            ApprovalRole::Requester => &mut self.requesters,
        }
    }

    fn map(&self, role: ApprovalRole) -> &HashMap<Principal, Postings> {
        match role {
            ApprovalRole::Approver => &self.approvers,
            ApprovalRole::Requester => &self.requesters,
        }
    }

    fn set_created(&mut self, slot: u32, created: Timestamp) {
        let i = slot as usize;
        if self.created.len() <= i {
            self.created.resize(i + 1, Timestamp::UNIX_EPOCH);
        }
        if let Some(cell) = self.created.get_mut(i) {
            *cell = created;
        }
    }

    fn insert(&mut self, slot: u32, filing: Filing) {
        self.set_created(slot, filing.created);
        let ApprovalIndex {
            created,
            approvers,
            requesters,
        } = self;
        for (role, principal) in filing.keys {
            let map = match role {
                ApprovalRole::Approver => &mut *approvers,
                ApprovalRole::Requester => &mut *requesters,
            };
            let postings = map.entry(principal).or_default();
            let list = if filing.open {
                &mut postings.open
            } else {
                &mut postings.closed
            };
            let key = sort_key(created, slot);
            let at = list.partition_point(|s| sort_key(created, *s) < key);
            list.insert(at, slot);
        }
    }

    fn remove(&mut self, slot: u32, filing: Filing) {
        let ApprovalIndex {
            created,
            approvers,
            requesters,
        } = self;
        for (role, principal) in filing.keys {
            let map = match role {
                ApprovalRole::Approver => &mut *approvers,
                ApprovalRole::Requester => &mut *requesters,
            };
            let Some(postings) = map.get_mut(&principal) else {
                continue;
            };
            let list = if filing.open {
                &mut postings.open
            } else {
                &mut postings.closed
            };
            let key = sort_key(created, slot);
            let at = list.partition_point(|s| sort_key(created, *s) < key);
            if list.get(at) == Some(&slot) {
                list.remove(at);
            } else {
                list.retain(|s| *s != slot);
            }
            if postings.open.is_empty() && postings.closed.is_empty() {
                map.remove(&principal);
            }
        }
    }
}

impl Directory {
    /// Where `approval` is filed (its principals all exist: validation saw to it).
    fn filing(&self, approval: &Approval) -> Filing {
        let mut keys: Vec<(ApprovalRole, Principal)> = Vec::new();
        let approvers = approval
            .approvers
            .iter()
            .chain(approval.responses.iter().map(|r| &r.approver_id));
        for id in approvers {
            if let Some(p) = self.principal(id) {
                if !keys.contains(&(ApprovalRole::Approver, p)) {
                    keys.push((ApprovalRole::Approver, p));
                }
            }
        }
        if let Some(p) = self.principal(&approval.requester_id) {
            keys.push((ApprovalRole::Requester, p));
        }
        Filing {
            created: Timestamp::from_rfc3339(&approval.created_at).unwrap_or(Timestamp::UNIX_EPOCH),
            open: approval.status == ApprovalStatus::Pending,
            keys,
        }
    }

    /// Files the approval now stored in `slot`.
    pub(super) fn index_approval(&mut self, slot: u32) {
        if let Some(filing) = self.approvals.at(slot).map(|a| self.filing(a)) {
            self.approval_index.insert(slot, filing);
        }
    }

    /// Unfiles the approval now stored in `slot` (call before replacing or removing it).
    pub(super) fn unindex_approval(&mut self, slot: u32) {
        if let Some(filing) = self.approvals.at(slot).map(|a| self.filing(a)) {
            self.approval_index.remove(slot, filing);
        }
    }

    /// The approvals in which `principal` (a user or group id) plays `role`, from the
    /// index: open and closed, each newest first. Empty for an unknown principal.
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// use guestpass::directory::{ApprovalRole, Directory};
    /// let dir = Directory::from_json_str(r#"{
    ///   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    ///                 "initialDomain": "contoso.onmicrosoft.com" }],
    ///   "users": [{ "id": "bob", "tenantId": "contoso", "displayName": "Bob",
    ///               "userPrincipalName": "bob@contoso.com" }],
    ///   "approvals": [{ "id": "a1", "tenantId": "contoso", "title": "PO 1",
    ///     "requesterId": "bob", "approvers": ["bob"], "type": "firstToRespond",
    ///     "responseOptions": ["Approve", "Reject"], "createdAt": "2026-11-20T09:00:00Z" }]
    /// }"#)?;
    /// let sent = dir.approvals_of("bob", ApprovalRole::Requester);
    /// assert_eq!(sent.open().map(|(_, a)| a.id.as_str()).collect::<Vec<_>>(), ["a1"]);
    /// assert_eq!(sent.closed().count(), 0);
    /// # Ok(()) }
    /// ```
    pub fn approvals_of(&self, principal: &str, role: ApprovalRole) -> ApprovalPostings<'_> {
        let postings = self
            .principal(principal)
            .and_then(|p| self.approval_index.map(role).get(&p));
        ApprovalPostings {
            dir: self,
            open: postings.map(|p| p.open.as_slice()).unwrap_or(&[]),
            closed: postings.map(|p| p.closed.as_slice()).unwrap_or(&[]),
        }
    }
}

/// One principal's approvals in one role (see [`Directory::approvals_of`]). Iterators
/// yield each approval with its parsed creation time, newest first.
#[derive(Debug, Clone, Copy)]
pub struct ApprovalPostings<'d> {
    dir: &'d Directory,
    open: &'d [u32],
    closed: &'d [u32],
}

impl<'d> ApprovalPostings<'d> {
    fn created(&self, slot: u32) -> Timestamp {
        self.dir
            .approval_index
            .created
            .get(slot as usize)
            .copied()
            .unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn yield_slots(self, slots: &'d [u32]) -> impl Iterator<Item = (Timestamp, &'d Approval)> + 'd {
        slots.iter().filter_map(move |slot| {
            self.dir
                .approvals
                .at(*slot)
                .map(|a| (self.created(*slot), a))
        })
    }

    /// How many open ones were created after `after` (the rest were created at or before).
    fn open_split(&self, after: Timestamp) -> usize {
        self.open
            .partition_point(|slot| self.created(*slot) > after)
    }

    /// Approvals stored as pending.
    pub fn open(self) -> impl Iterator<Item = (Timestamp, &'d Approval)> + 'd {
        self.yield_slots(self.open)
    }

    /// Approvals stored as pending and created strictly after `after`.
    pub fn open_created_after(
        self,
        after: Timestamp,
    ) -> impl Iterator<Item = (Timestamp, &'d Approval)> + 'd {
        let split = self.open_split(after);
        self.yield_slots(self.open.get(..split).unwrap_or(&[]))
    }

    /// Approvals stored as pending and created at or before `until`.
    pub fn open_created_until(
        self,
        until: Timestamp,
    ) -> impl Iterator<Item = (Timestamp, &'d Approval)> + 'd {
        let split = self.open_split(until);
        self.yield_slots(self.open.get(split..).unwrap_or(&[]))
    }

    /// Approvals stored as completed, canceled or expired.
    pub fn closed(self) -> impl Iterator<Item = (Timestamp, &'d Approval)> + 'd {
        self.yield_slots(self.closed)
    }

    /// How many approvals, open and closed.
    pub fn len(&self) -> usize {
        self.open.len() + self.closed.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

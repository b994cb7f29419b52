//! The signed-in person as flow sharing sees them: who they are, every group they belong
//! to (with the chain) and where they stand on the prerequisites for using flows (met,
//! missing, or unknown for a guest whose home facts the directory lacks) — computed once
//! per directory version, so each check is a flow lookup and a few hash probes.

use super::action::Action;
use super::decision::{Code, Decision, Verdict, Via};
use super::role::Role;
use crate::b2b::{self, HomeFacts, Missing, Standing, Unknown};
use crate::directory::Directory;
use crate::model::{Flow, User};
use std::collections::HashMap;

/// One person's standing for flow checks, valid for one [`Directory::version`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    user_id: String,
    tenant_id: String,
    standing: Standing,
    /// Group id -> index of its chain in `paths`.
    groups: HashMap<String, u32>,
    /// For each group the person belongs to: the chain from their own group up to it.
    paths: Vec<Vec<String>>,
    version: u64,
}

impl Person {
    /// `user` as the directory has them now: their groups through nested groups and the
    /// first flow prerequisite they lack (no home facts supplied).
    pub fn of(dir: &Directory, user: &User) -> Person {
        Person::with_facts(dir, user, &HomeFacts::default())
    }

    /// [`Person::of`] with the facts about a guest's home the caller supplied.
    pub fn with_facts(dir: &Directory, user: &User, facts: &HomeFacts) -> Person {
        let memberships = dir.transitive_groups_of(&user.id);
        let mut groups = HashMap::with_capacity(memberships.len());
        let mut paths = Vec::with_capacity(memberships.len());
        for m in memberships {
            groups.insert(m.group_id, paths.len() as u32);
            paths.push(m.path);
        }
        Person {
            user_id: user.id.clone(),
            tenant_id: user.tenant_id.clone(),
            standing: b2b::standing(dir, user, facts),
            groups,
            paths,
            version: dir.version(),
        }
    }

    /// The person's user object id.
    pub fn user_id(&self) -> &str {
        &self.user_id
    }

    /// The tenant their user object lives in (the one they are signed into).
    pub fn tenant_id(&self) -> &str {
        &self.tenant_id
    }

    /// The first prerequisite for using flows they certainly lack, if any.
    pub fn missing(&self) -> Option<Missing> {
        match self.standing {
            Standing::Missing(missing) => Some(missing),
            Standing::Met | Standing::Unknown(_) => None,
        }
    }

    /// The fact about their home their answers depend on, when nothing is certainly
    /// missing but it is not known.
    pub fn unknown(&self) -> Option<Unknown> {
        match self.standing {
            Standing::Unknown(unknown) => Some(unknown),
            Standing::Met | Standing::Missing(_) => None,
        }
    }

    /// The directory version this was computed at.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether this still describes the person in `dir` (nothing changed since).
    pub fn is_current(&self, dir: &Directory) -> bool {
        self.version == dir.version()
    }

    /// How many groups they belong to, directly or through nested groups.
    pub fn group_count(&self) -> usize {
        self.paths.len()
    }

    /// The chain of groups a [`Via::Groups`] index stands for (empty for others).
    pub fn path(&self, index: u32) -> &[String] {
        self.paths
            .get(index as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The group chain of a verdict's `via` (empty for a direct role).
    pub fn via_path(&self, via: Via) -> &[String] {
        match via {
            Via::Direct => &[],
            Via::Groups(index) => self.path(index),
        }
    }

    /// The strongest role they hold on `flow` and how it reached them. Several shares
    /// giving that role: a direct one wins, then the shortest group chain, then the share
    /// listed first.
    pub fn grant(&self, flow: &Flow) -> Option<(Role, Via)> {
        if flow.owner_id == self.user_id {
            return Some((Role::Owner, Via::Direct));
        }
        if let Some(via) = self.best_via(&flow.co_owners) {
            return Some((Role::CoOwner, via));
        }
        self.best_via(&flow.run_only)
            .map(|via| (Role::RunOnly, via))
    }

    fn best_via(&self, shares: &[String]) -> Option<Via> {
        let mut best: Option<(usize, u32)> = None;
        for id in shares {
            if *id == self.user_id {
                return Some(Via::Direct);
            }
            if self.groups.is_empty() {
                continue;
            }
            if let Some(&index) = self.groups.get(id.as_str()) {
                let len = self.path(index).len();
                if best.is_none_or(|(shortest, _)| len < shortest) {
                    best = Some((len, index));
                }
            }
        }
        best.map(|(_, index)| Via::Groups(index))
    }

    /// May they do `action` with `flow`, before spelling it out. See [`Code`] for the
    /// order in which reasons are reported.
    pub fn verdict(&self, action: Action, flow: &Flow) -> Verdict {
        self.judge(action, flow, self.standing(flow))
    }

    /// What they hold on `flow` whatever the action: their strongest role and its path, or
    /// why they hold none (another tenant's flow, no share).
    fn standing(&self, flow: &Flow) -> Result<(Role, Via), Code> {
        if flow.tenant_id != self.tenant_id {
            return Err(Code::FlowInOtherTenant);
        }
        self.grant(flow).ok_or(Code::NoRole)
    }

    /// The verdict for `action` given their standing on `flow`.
    fn judge(&self, action: Action, flow: &Flow, standing: Result<(Role, Via), Code>) -> Verdict {
        let (role, via) = match standing {
            Ok(held) => held,
            Err(code) => {
                return Verdict {
                    role: None,
                    via: Via::Direct,
                    code: Some(code),
                }
            }
        };
        let code = if !role.permits(action) {
            Some(Code::RunOnlyCannot(action))
        } else if let Some(missing) = self.missing() {
            Some(Code::Prerequisite(missing))
        } else if action == Action::Run && !flow.enabled {
            Some(Code::FlowTurnedOff)
        } else {
            self.unknown().map(Code::Unknown)
        };
        Verdict {
            role: Some(role),
            via,
            code,
        }
    }

    /// A verdict spelled out as the contract's [`Decision`].
    pub fn spell(&self, verdict: Verdict) -> Decision {
        Decision {
            allowed: verdict.allowed(),
            outcome: verdict.outcome(),
            role: verdict.role,
            via: self.via_path(verdict.via).to_vec(),
            code: verdict.code,
            message: verdict.message(),
        }
    }

    /// May they do `action` with `flow`: the full decision.
    pub fn decide(&self, action: Action, flow: &Flow) -> Decision {
        self.spell(self.verdict(action, flow))
    }

    /// Every action they may certainly do with `flow`, in [`Action::ALL`] order.
    pub fn allowed_actions(&self, flow: &Flow) -> Vec<Action> {
        let standing = self.standing(flow);
        Action::ALL
            .into_iter()
            .filter(|a| self.judge(*a, flow, standing).allowed())
            .collect()
    }
}

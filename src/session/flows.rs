//! Flow sharing for the signed-in person: `check`, `allowed_actions`, `check_many`,
//! `share` and `unshare`. The rules live in [`crate::sharing`]; this file answers for the
//! person of the session, in the tenant they signed into.

use super::{admit, writable, Session};
use crate::directory::Directory;
use crate::error::{Error, Result};
use crate::sharing::{self, check_batch_len, Action, Decision, FlowShares, Person, Share};

impl Session {
    /// The signed-in person as flow sharing sees them now: their groups (nested groups
    /// counting) and the first flow prerequisite they lack.
    ///
    /// Refused with `SESSION_ENDED` if they were removed, and `COLLABORATION_BLOCKED` for
    /// a guest whose tenants may no longer collaborate. A guest whose invitation was reset
    /// to pending is not refused here: their checks answer `INVITATION_PENDING`.
    pub fn sharing_person(&self, dir: &Directory) -> Result<Person> {
        let user = dir
            .user(&self.user_id)
            .filter(|u| u.tenant_id == self.tenant_id)
            .ok_or_else(|| Error::SessionEnded(self.user_id.clone()))?;
        if !user.is_pending() {
            admit(dir, user, self.home_facts())?;
        }
        Ok(Person::with_facts(dir, user, self.home_facts()))
    }

    /// [`Session::sharing_person`], reusing `cache` while the directory has not changed
    /// since it was filled (its [`Directory::version`]); refills it otherwise. Callers that
    /// check many flows keep one cache per session.
    pub fn sharing_person_cached<'c>(
        &self,
        dir: &Directory,
        cache: &'c mut Option<Person>,
    ) -> Result<&'c Person> {
        let fresh = cache
            .as_ref()
            .is_some_and(|p| p.is_current(dir) && p.user_id() == self.user_id);
        if !fresh {
            *cache = None;
            *cache = Some(self.sharing_person(dir)?);
        }
        cache
            .as_ref()
            .ok_or_else(|| Error::SessionEnded(self.user_id.clone()))
    }

    /// May the signed-in person do `action` (`"run"`, `"edit"`, `"share"`, `"viewRuns"`,
    /// `"cancelRun"`, `"resubmitRun"`, `"delete"`) with the flow `flow_id`?
    ///
    /// Refused with `UNKNOWN_ACTION` or `UNKNOWN_FLOW`; every expected "no" is a
    /// [`Decision`] with a code (see [`sharing::Code`]).
    pub fn check(&self, dir: &Directory, action: &str, flow_id: &str) -> Result<Decision> {
        let action = Action::parse(action)?;
        let person = self.sharing_person(dir)?;
        sharing::decide(dir, &person, action, flow_id)
    }

    /// Every action the signed-in person may certainly do with the flow `flow_id`, in
    /// [`Action::ALL`] order (empty for a flow of another tenant, and while their
    /// standing is `unknown`: [`Session::check`] says which fact). `UNKNOWN_FLOW` if none.
    pub fn allowed_actions(&self, dir: &Directory, flow_id: &str) -> Result<Vec<Action>> {
        let person = self.sharing_person(dir)?;
        sharing::allowed_actions(dir, &person, flow_id)
    }

    /// Many checks at once: `(action, flow_id)` pairs, one result per pair in order. A bad
    /// pair (unknown action or flow) gets its own error; the others still answer.
    ///
    /// The whole call is refused with `LIMIT_EXCEEDED` for more than
    /// [`crate::limits::MAX_BATCH_LEN`] pairs, and like [`Session::check`] when the session has ended.
    pub fn check_many<A: AsRef<str>, F: AsRef<str>>(
        &self,
        dir: &Directory,
        requests: &[(A, F)],
    ) -> Result<Vec<Result<Decision>>> {
        check_batch_len(requests.len())?;
        let person = self.sharing_person(dir)?;
        Ok(requests
            .iter()
            .map(|(action, flow_id)| {
                let action = Action::parse(action.as_ref())?;
                sharing::decide(dir, &person, action, flow_id.as_ref())
            })
            .collect())
    }

    /// Shares the flow `flow_id` with `share.principal` as `share.role` (`coOwner` or
    /// `runOnly`); only its owner and co-owners may. See [`sharing::share`] for every
    /// refusal. Atomic: a refused call changes nothing.
    pub fn share(&self, dir: &mut Directory, flow_id: &str, share: &Share) -> Result<FlowShares> {
        writable(dir, "share")?;
        let person = self.sharing_person(dir)?;
        sharing::share(dir, &person, flow_id, share)
    }

    /// Removes `principal`'s own share of the flow `flow_id`; only its owner and co-owners
    /// may, and nobody can remove the creator. See [`sharing::unshare`] for every refusal.
    /// Atomic: a refused call changes nothing.
    pub fn unshare(
        &self,
        dir: &mut Directory,
        flow_id: &str,
        principal: &str,
    ) -> Result<FlowShares> {
        writable(dir, "unshare")?;
        let person = self.sharing_person(dir)?;
        sharing::unshare(dir, &person, flow_id, principal)
    }
}

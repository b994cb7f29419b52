//! Generated approvals: per tenant about four per square root of its members (at least
//! 10, so two of each type, at most [`MAX_APPROVALS_PER_TENANT`]), created in the two
//! weeks before 2026-11-20, pending or completed, with responses that agree with the
//! type:
//!
//! - `firstToRespond`, `customWaitForOne`: completed ones carry the one deciding
//!   response (from a user approver or a redeemed member of a group approver) and it is
//!   the outcome; pending ones carry none.
//! - `everyoneMustApprove`: completed ones are all Approve (outcome Approve) or some
//!   Approve then one Reject (outcome Reject); pending ones are some Approve.
//! - `customWaitForAll`: completed ones carry a response from every approver and no
//!   outcome (every response is the result); pending ones carry some.
//!
//! Types where every approver must respond name redeemed users only, never groups.

use super::clock::{self, WINDOW_SECONDS};
use super::crowd::{principal_id, Crowd, Principal, TenantCrowd};
use super::dice::Dice;
use super::flows::scaled;
use super::ids;
use super::tenants::TENANTS;
use guestpass::model::{Approval, ApprovalResponse, ApprovalStatus, ApprovalType, User, World};

/// The most approvals generated in one tenant.
pub(super) const MAX_APPROVALS_PER_TENANT: usize = 4_000;

const TYPES: [ApprovalType; 4] = [
    ApprovalType::FirstToRespond,
    ApprovalType::EveryoneMustApprove,
    ApprovalType::CustomWaitForOne,
    ApprovalType::CustomWaitForAll,
];

static TITLES: &[&str] = &[
    "Purchase order",
    "Vacation request",
    "Contract review",
    "Budget change",
    "New vendor",
    "Travel request",
    "Campaign launch",
    "Hiring request",
    "Software license",
    "Press release",
];

static CUSTOM_OPTIONS: &[&[&str]] = &[
    &["Accept", "Decline", "Needs changes"],
    &["Yes", "No", "Maybe"],
    &["Option A", "Option B", "Option C"],
    &["Ship now", "Hold"],
];

static APPROVING: &[&str] = &["Looks good", "Approved, thanks!", "OK from my side"];
static REJECTING: &[&str] = &[
    "Over budget for this quarter",
    "Please add the PO number and resubmit",
];
static ANSWERING: &[&str] = &["Works for me", "See my note in Teams"];

const APPROVE: &str = "Approve";
const REJECT: &str = "Reject";

fn everyone_responds(t: ApprovalType) -> bool {
    matches!(
        t,
        ApprovalType::EveryoneMustApprove | ApprovalType::CustomWaitForAll
    )
}

/// Distinct redeemed users other than `requester`, between 2 and 4 when possible.
fn user_approvers(
    people: &TenantCrowd,
    dice: &mut Dice,
    users: &[User],
    requester: usize,
) -> Vec<Principal> {
    let want = dice.between(2, 4);
    let mut picked = Vec::with_capacity(want);
    for _ in 0..want * 3 {
        if picked.len() == want {
            break;
        }
        let u = Principal::User(people.user(dice, users, false));
        if u != Principal::User(requester) && !picked.contains(&u) {
            picked.push(u);
        }
    }
    picked
}

/// Builds responses over time, each a little after the one before.
struct Timeline<'a> {
    world: &'a World,
    dice: &'a mut Dice,
    now: u32,
    responses: Vec<ApprovalResponse>,
}

impl Timeline<'_> {
    fn respond(&mut self, user: usize, answer: &str) {
        self.now = self.now.saturating_add(60 + self.dice.below_u32(3 * 3_600));
        let notes = match answer {
            APPROVE => APPROVING,
            REJECT => REJECTING,
            _ => ANSWERING,
        };
        let comments = if self.dice.percent(30) {
            self.dice.pick(notes).map(|c| c.to_string())
        } else {
            None
        };
        self.responses.push(ApprovalResponse {
            approver_id: self.world.users[user].id.clone(),
            response: answer.to_string(),
            comments,
            responded_at: clock::at(self.now),
            on_behalf_of: None,
        });
    }
}

impl Timeline<'_> {
    /// Gives the responses `responders` (in approver order) have made so far, as the
    /// type's rule allows; `completing` asks for a decided approval. Returns whether it
    /// is completed and its outcome.
    fn play(
        &mut self,
        approval_type: ApprovalType,
        options: &[String],
        responders: &[usize],
        completing: bool,
    ) -> (bool, Option<String>) {
        match approval_type {
            ApprovalType::FirstToRespond | ApprovalType::CustomWaitForOne => {
                let Some(&who) = self.dice.pick(responders).filter(|_| completing) else {
                    return (false, None);
                };
                let answer = if approval_type == ApprovalType::CustomWaitForOne {
                    options[self.dice.below(options.len())].clone()
                } else if self.dice.percent(75) {
                    APPROVE.to_string()
                } else {
                    REJECT.to_string()
                };
                self.respond(who, &answer);
                (true, Some(answer))
            }
            ApprovalType::EveryoneMustApprove => {
                let approving = self.dice.below(responders.len());
                let rejecting = completing && self.dice.percent(30);
                if completing && !rejecting {
                    for &who in responders {
                        self.respond(who, APPROVE);
                    }
                    return (true, Some(APPROVE.to_string()));
                }
                for &who in &responders[..approving] {
                    self.respond(who, APPROVE);
                }
                match responders.get(approving).filter(|_| rejecting) {
                    Some(&who) => {
                        self.respond(who, REJECT);
                        (true, Some(REJECT.to_string()))
                    }
                    None => (false, None),
                }
            }
            ApprovalType::CustomWaitForAll => {
                let answering = if completing {
                    responders.len()
                } else {
                    self.dice.below(responders.len())
                };
                for &who in &responders[..answering] {
                    let answer = options[self.dice.below(options.len())].clone();
                    self.respond(who, &answer);
                }
                (completing, None)
            }
        }
    }
}

/// Adds the generated approvals of every tenant.
pub(super) fn add_approvals(world: &mut World, dice: &mut Dice, crowd: &Crowd) {
    let mut made = Vec::new();
    for (t, spec) in TENANTS.iter().enumerate() {
        let people = &crowd.0[t];
        let n = scaled(people.members.len(), 4, 10, MAX_APPROVALS_PER_TENANT);
        for i in 0..n {
            let approval_type = TYPES[i % TYPES.len()];
            let requester = people.user(dice, &world.users, false);
            let mut approvers = if everyone_responds(approval_type) {
                user_approvers(people, dice, &world.users, requester)
            } else {
                let k = dice.between(1, 3);
                people.principals(dice, &world.users, k, Some(requester))
            };
            if approvers.is_empty() {
                approvers.push(Principal::User(requester));
            }
            let options: Vec<String> = match approval_type {
                ApprovalType::CustomWaitForOne | ApprovalType::CustomWaitForAll => {
                    let set = CUSTOM_OPTIONS[dice.below(CUSTOM_OPTIONS.len())];
                    set.iter().map(|s| s.to_string()).collect()
                }
                _ => vec![APPROVE.to_string(), REJECT.to_string()],
            };
            let created = dice.below_u32(WINDOW_SECONDS - 6 * 3_600);
            let completing = dice.percent(45);
            let title = TITLES[dice.below(TITLES.len())];
            let mut line = Timeline {
                world,
                dice: &mut *dice,
                now: created,
                responses: Vec::new(),
            };
            let responders: Vec<usize> = approvers
                .iter()
                .filter_map(|&p| people.responder(&world.users, p))
                .collect();
            let (completed, outcome) = line.play(approval_type, &options, &responders, completing);
            let completed_at = completed.then(|| clock::at(line.now));
            let approver_ids: Vec<String> =
                approvers.iter().map(|&p| principal_id(world, p)).collect();
            let mut responses = line.responses;
            // A member answering for a group approver names the group (`onBehalfOf`).
            for r in &mut responses {
                if approver_ids.contains(&r.approver_id) {
                    continue;
                }
                r.on_behalf_of = approvers
                    .iter()
                    .zip(&approver_ids)
                    .find(|(p, _)| {
                        matches!(p, Principal::Group(_))
                            && people
                                .responder(&world.users, **p)
                                .is_some_and(|u| world.users[u].id == r.approver_id)
                    })
                    .map(|(_, id)| id.clone());
            }
            made.push(Approval {
                id: ids::numbered(spec.id, "apv", i + 1, 5),
                tenant_id: spec.id.to_string(),
                title: format!("{title} {}", 100 + i),
                details: None,
                requester_id: world.users[requester].id.clone(),
                approvers: approver_ids,
                approval_type,
                response_options: options,
                responses,
                status: if completed {
                    ApprovalStatus::Completed
                } else {
                    ApprovalStatus::Pending
                },
                outcome,
                created_at: clock::at(created),
                completed_at,
                flow_id: None,
                environment: Some(crate::environment_of(spec.id)),
            });
        }
    }
    world.approvals.extend(made);
}

//! One plain function pair per kind of object of a snapshot's world section (see
//! [`super`] for the encoding), and the smallest size each can take: what one object
//! looks like, apart from the section framing.

use crate::binary::{corrupt, Reader, Writer};
use crate::error::{Error, Result};
use crate::model::{
    AccessDirections, App, Approval, ApprovalResponse, ApprovalStatus, ApprovalType, Cloud,
    Connector, CrossTenantAccess, ExternalUserState, Flow, Group, GuestAccess, JoinPolicy,
    JoinRequest, JoinRequestStatus, PartnerAccess, SelfService, SingleSignOn, Tenant,
    TenantSettings, Trigger, UsGovernment, User, UserType, SEQUENTIAL_REFUSED,
};
use crate::snapshot::settings_codec;
use crate::timestamp::Timestamp;
use std::collections::BTreeMap;

// The fewest bytes each object can take (one per field), bounding announced counts.
pub(super) const MIN_TENANT: usize = 8;
pub(super) const MIN_USER: usize = 14;
pub(super) const MIN_GROUP: usize = 8;
pub(super) const MIN_APP: usize = 7;
pub(super) const MIN_FLOW: usize = 8;
pub(super) const MIN_APPROVAL: usize = 15;
const MIN_RESPONSE: usize = 5;
pub(super) const MIN_CONNECTOR: usize = 3;
pub(super) const MIN_JOIN_REQUEST: usize = 5;

// Enum values in declaration order: a value's tag is its index (`as u8`).
const CLOUDS: [Cloud; 3] = [Cloud::Global, Cloud::Usgov, Cloud::China];
/// A tenant's `usGovernment` offering sits in two bits of its flags byte at
/// [`US_GOVERNMENT_SHIFT`]: 0 none, else the offering's position here plus one (older
/// snapshots have 0).
const US_GOVERNMENT: [UsGovernment; 3] =
    [UsGovernment::Gcc, UsGovernment::GccHigh, UsGovernment::Dod];
const US_GOVERNMENT_SHIFT: u8 = 4;
const GUEST_ACCESS: [GuestAccess; 3] = [
    GuestAccess::SameAsMember,
    GuestAccess::Limited,
    GuestAccess::Restricted,
];
const JOIN_POLICIES: [JoinPolicy; 3] = [
    JoinPolicy::Closed,
    JoinPolicy::Open,
    JoinPolicy::OwnerApproval,
];
const SSO: [SingleSignOn; 5] = [
    SingleSignOn::None,
    SingleSignOn::Saml,
    SingleSignOn::Oidc,
    SingleSignOn::Password,
    SingleSignOn::Linked,
];
const TRIGGERS: [Trigger; 3] = [Trigger::Manual, Trigger::Automated, Trigger::Scheduled];
const APPROVAL_TYPES: [ApprovalType; 4] = [
    ApprovalType::FirstToRespond,
    ApprovalType::EveryoneMustApprove,
    ApprovalType::CustomWaitForOne,
    ApprovalType::CustomWaitForAll,
];
/// The tag older snapshots gave `sequential`, which is refused now (see
/// [`SEQUENTIAL_REFUSED`]).
const RETIRED_SEQUENTIAL: u8 = 4;
const APPROVAL_STATUSES: [ApprovalStatus; 4] = [
    ApprovalStatus::Pending,
    ApprovalStatus::Completed,
    ApprovalStatus::Canceled,
    ApprovalStatus::Expired,
];
const JOIN_STATUSES: [JoinRequestStatus; 3] = [
    JoinRequestStatus::Pending,
    JoinRequestStatus::Approved,
    JoinRequestStatus::Declined,
];

/// Reads a one-byte tag and the value it names in `values`.
fn tag<T: Copy>(r: &mut Reader<'_>, values: &[T], what: &str) -> Result<T> {
    let b = r.byte(what)?;
    values
        .get(usize::from(b))
        .copied()
        .ok_or_else(|| corrupt(format_args!("{what}: unknown value {b}")))
}

/// Reads a flags byte, refusing bits outside `known`.
fn flags(r: &mut Reader<'_>, known: u8, what: &str) -> Result<u8> {
    let b = r.byte(what)?;
    if b & !known != 0 {
        return Err(corrupt(format_args!("{what}: unknown flags {b:#04x}")));
    }
    Ok(b)
}

fn string(r: &mut Reader<'_>, what: &str) -> Result<String> {
    r.str(what).map(str::to_string)
}

/// Writes an optional time as one varint `v`: 0 for none; 1 and the text for text that
/// is not a whole second in UTC as [`Timestamp`] writes it (kept as given); else
/// `2 + zigzag(seconds since the epoch)` — 5 bytes instead of 20 for
/// `2026-11-19T09:00:00Z`.
fn write_time(w: &mut Writer, text: Option<&str>) {
    let Some(text) = text else {
        return w.byte(0);
    };
    let seconds = Timestamp::from_rfc3339(text)
        .map(|t| (t, t.seconds_since(Timestamp::UNIX_EPOCH)))
        .filter(|&(t, s)| Timestamp::UNIX_EPOCH.plus_seconds(s) == Some(t))
        .filter(|(t, _)| t.to_string() == text)
        .map(|(_, s)| s);
    match seconds {
        Some(s) => w.varint(2 + ((s << 1) ^ (s >> 63)) as u64),
        None => {
            w.byte(1);
            w.str(text);
        }
    }
}

/// Reads a time written by [`write_time`].
fn read_time(r: &mut Reader<'_>, what: &str) -> Result<Option<String>> {
    match r.varint(what)? {
        0 => Ok(None),
        1 => string(r, what).map(Some),
        v => {
            let zigzag = v - 2;
            let seconds = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
            Timestamp::UNIX_EPOCH
                .plus_seconds(seconds)
                .map(|t| Some(t.to_string()))
                .ok_or_else(|| corrupt(format_args!("{what}: {seconds} s is out of range")))
        }
    }
}

pub(super) fn write_tenant(w: &mut Writer, t: &Tenant) {
    w.str(&t.id);
    w.str(&t.display_name);
    w.byte(t.cloud as u8);
    w.strs(&t.domains);
    w.str(&t.initial_domain);
    let s = &t.settings;
    w.byte(s.guest_access as u8);
    let access = &s.cross_tenant_access;
    let extended = settings_codec::extended(s);
    w.byte(
        u8::from(s.self_service_group_management)
            | u8::from(access.default.inbound) << 1
            | u8::from(access.default.outbound) << 2
            | if extended {
                settings_codec::TENANT_EXTENDED
            } else {
                0
            }
            | t.us_government.map_or(0, |g| g as u8 + 1) << US_GOVERNMENT_SHIFT,
    );
    w.varint(s.enabled_clouds.len() as u64);
    for c in &s.enabled_clouds {
        w.byte(*c as u8);
    }
    w.varint(access.partners.len() as u64);
    for (id, p) in &access.partners {
        w.str(id);
        let targets = |t: &Option<_>, bit| if t.is_some() { bit } else { 0 };
        w.byte(
            direction(p.inbound)
                | direction(p.outbound) << 2
                | targets(&p.inbound_targets, settings_codec::PARTNER_INBOUND_TARGETS)
                | targets(
                    &p.outbound_targets,
                    settings_codec::PARTNER_OUTBOUND_TARGETS,
                ),
        );
        for t in [&p.inbound_targets, &p.outbound_targets]
            .into_iter()
            .flatten()
        {
            settings_codec::write_targets(w, t);
        }
    }
    if extended {
        settings_codec::write_extended(w, s);
    }
}

/// An optional direction as two bits: 0 absent, 1 off, 2 on.
fn direction(v: Option<bool>) -> u8 {
    v.map_or(0, |on| 1 + u8::from(on))
}

fn read_direction(bits: u8) -> Result<Option<bool>> {
    match bits {
        0 => Ok(None),
        1 => Ok(Some(false)),
        2 => Ok(Some(true)),
        _ => Err(corrupt("a partner access setting is not a direction")),
    }
}

pub(super) fn read_tenant(r: &mut Reader<'_>) -> Result<Tenant> {
    let id = string(r, "tenant id")?;
    let display_name = string(r, "tenant name")?;
    let cloud = tag(r, &CLOUDS, "tenant cloud")?;
    let domains = r.strs("tenant domains")?;
    let initial_domain = string(r, "tenant initial domain")?;
    let guest_access = tag(r, &GUEST_ACCESS, "tenant guest access")?;
    let bits = flags(r, 0b11_1111, "tenant flags")?;
    let us_government = match bits >> US_GOVERNMENT_SHIFT & 3 {
        0 => None,
        g => US_GOVERNMENT.get(usize::from(g - 1)).copied(),
    };
    let n = r.count(1, "tenant enabled clouds")?;
    let enabled_clouds = (0..n)
        .map(|_| tag(r, &CLOUDS, "tenant enabled cloud"))
        .collect::<Result<_>>()?;
    let n = r.count(2, "tenant partners")?;
    let mut partners = BTreeMap::new();
    for _ in 0..n {
        let partner = string(r, "partner tenant id")?;
        let b = flags(r, 0b11_1111, "partner access")?;
        let mut targets = |bit: u8| -> Result<_> {
            match b & bit {
                0 => Ok(None),
                _ => settings_codec::read_targets(r).map(Some),
            }
        };
        let inbound_targets = targets(settings_codec::PARTNER_INBOUND_TARGETS)?;
        let outbound_targets = targets(settings_codec::PARTNER_OUTBOUND_TARGETS)?;
        let access = PartnerAccess {
            inbound: read_direction(b & 3)?,
            outbound: read_direction((b >> 2) & 3)?,
            inbound_targets,
            outbound_targets,
        };
        if partners.insert(partner, access).is_some() {
            return Err(corrupt("a tenant names one partner twice"));
        }
    }
    let mut settings = TenantSettings {
        guest_access,
        self_service_group_management: bits & 1 != 0,
        enabled_clouds,
        cross_tenant_access: CrossTenantAccess {
            default: AccessDirections {
                inbound: bits & 2 != 0,
                outbound: bits & 4 != 0,
                ..AccessDirections::default()
            },
            partners,
        },
        ..TenantSettings::default()
    };
    if bits & settings_codec::TENANT_EXTENDED != 0 {
        settings_codec::read_extended(r, &mut settings)?;
    }
    Ok(Tenant {
        id,
        display_name,
        cloud,
        domains,
        initial_domain,
        us_government,
        settings,
    })
}

const USER_GUEST: u8 = 1;
const USER_PENDING: u8 = 2;
const USER_ACCEPTED: u8 = 4;
const USER_CONSENTED: u8 = 8;
/// Set for a disabled account (`accountEnabled: false`), so enabled ones read as before.
const USER_DISABLED: u8 = 16;

pub(crate) fn write_user(w: &mut Writer, u: &User) {
    w.str(&u.id);
    w.shared(&u.tenant_id);
    w.str(&u.display_name);
    w.opt_str(u.given_name.as_deref());
    w.opt_str(u.surname.as_deref());
    w.opt_str(u.mail.as_deref());
    w.strs(&u.other_mails);
    w.str(&u.user_principal_name);
    let state = match u.external_user_state {
        None => 0,
        Some(ExternalUserState::PendingAcceptance) => USER_PENDING,
        Some(ExternalUserState::Accepted) => USER_ACCEPTED,
    };
    w.byte(
        u8::from(u.is_guest())
            | state
            | if u.consented_to_power_automate {
                USER_CONSENTED
            } else {
                0
            }
            | if u.account_enabled { 0 } else { USER_DISABLED },
    );
    w.opt_shared(u.creation_type.as_deref());
    w.opt_shared(u.job_title.as_deref());
    w.opt_shared(u.home_tenant_id.as_deref());
    w.opt_str(u.home_user_id.as_deref());
    w.shared_strs(&u.licenses);
}

pub(crate) fn read_user(r: &mut Reader<'_>) -> Result<User> {
    let id = string(r, "user id")?;
    let tenant_id = r.shared("user tenant")?;
    let display_name = string(r, "user name")?;
    let given_name = r.opt_str("user given name")?;
    let surname = r.opt_str("user surname")?;
    let mail = r.opt_str("user mail")?;
    let other_mails = r.strs("user other mails")?;
    let user_principal_name = string(r, "user principal name")?;
    let bits = flags(r, 0b1_1111, "user flags")?;
    let external_user_state = match bits & (USER_PENDING | USER_ACCEPTED) {
        0 => None,
        USER_PENDING => Some(ExternalUserState::PendingAcceptance),
        USER_ACCEPTED => Some(ExternalUserState::Accepted),
        _ => return Err(corrupt("a user is both pending and accepted")),
    };
    Ok(User {
        id,
        tenant_id,
        display_name,
        given_name,
        surname,
        mail,
        other_mails,
        user_principal_name,
        user_type: if bits & USER_GUEST != 0 {
            UserType::Guest
        } else {
            UserType::Member
        },
        external_user_state,
        creation_type: r.opt_shared("user creation type")?,
        job_title: r.opt_shared("user job title")?,
        home_tenant_id: r.opt_shared("user home tenant")?,
        home_user_id: r.opt_str("user home user")?,
        licenses: r.shared_strs("user licenses")?,
        consented_to_power_automate: bits & USER_CONSENTED != 0,
        account_enabled: bits & USER_DISABLED == 0,
    })
}

pub(super) fn write_group(w: &mut Writer, g: &Group) {
    w.str(&g.id);
    w.shared(&g.tenant_id);
    w.str(&g.display_name);
    w.opt_str(g.description.as_deref());
    w.byte(
        u8::from(g.security_enabled)
            | u8::from(g.mail_enabled) << 1
            | u8::from(g.on_premises_sync_enabled) << 2
            | (g.join_policy as u8) << 3,
    );
    w.strs(&g.group_types);
    w.strs(&g.owners);
    w.strs(&g.members);
}

pub(super) fn read_group(r: &mut Reader<'_>) -> Result<Group> {
    let id = string(r, "group id")?;
    let tenant_id = r.shared("group tenant")?;
    let display_name = string(r, "group name")?;
    let description = r.opt_str("group description")?;
    let bits = flags(r, 0b1_1111, "group flags")?;
    let join_policy = JOIN_POLICIES
        .get(usize::from(bits >> 3))
        .copied()
        .ok_or_else(|| corrupt("group join policy: unknown value"))?;
    Ok(Group {
        id,
        tenant_id,
        display_name,
        description,
        security_enabled: bits & 1 != 0,
        mail_enabled: bits & 2 != 0,
        group_types: r.strs("group types")?,
        on_premises_sync_enabled: bits & 4 != 0,
        join_policy,
        owners: r.strs("group owners")?,
        members: r.strs("group members")?,
    })
}

pub(super) fn write_app(w: &mut Writer, a: &App) {
    w.str(&a.id);
    w.shared(&a.tenant_id);
    w.str(&a.display_name);
    w.byte(a.single_sign_on as u8);
    match &a.self_service {
        None => w.byte(0),
        Some(s) => {
            w.byte(1 | u8::from(s.enabled) << 1 | u8::from(s.require_approval) << 2);
            w.opt_str(s.group_id.as_deref());
        }
    }
    w.strs(&a.owners);
    w.strs(&a.assignments);
}

pub(super) fn read_app(r: &mut Reader<'_>) -> Result<App> {
    let id = string(r, "app id")?;
    let tenant_id = r.shared("app tenant")?;
    let display_name = string(r, "app name")?;
    let single_sign_on = tag(r, &SSO, "app single sign-on")?;
    let self_service = match flags(r, 0b111, "app self-service")? {
        0 => None,
        b if b & 1 != 0 => Some(SelfService {
            enabled: b & 2 != 0,
            group_id: r.opt_str("app self-service group")?,
            require_approval: b & 4 != 0,
        }),
        _ => return Err(corrupt("app self-service: settings without the marker")),
    };
    Ok(App {
        id,
        tenant_id,
        display_name,
        single_sign_on,
        self_service,
        owners: r.strs("app owners")?,
        assignments: r.strs("app assignments")?,
    })
}

pub(super) fn write_flow(w: &mut Writer, f: &Flow) {
    w.str(&f.id);
    w.shared(&f.tenant_id);
    w.str(&f.display_name);
    w.byte(f.trigger as u8 | u8::from(f.enabled) << 2);
    w.shared(&f.owner_id);
    w.shared_strs(&f.co_owners);
    w.strs(&f.run_only);
    w.opt_shared(f.environment.as_deref());
}

pub(super) fn read_flow(r: &mut Reader<'_>) -> Result<Flow> {
    let id = string(r, "flow id")?;
    let tenant_id = r.shared("flow tenant")?;
    let display_name = string(r, "flow name")?;
    let bits = flags(r, 0b111, "flow flags")?;
    let trigger = TRIGGERS
        .get(usize::from(bits & 3))
        .copied()
        .ok_or_else(|| corrupt("flow trigger: unknown value"))?;
    Ok(Flow {
        id,
        tenant_id,
        display_name,
        trigger,
        enabled: bits & 4 != 0,
        owner_id: r.shared("flow owner")?,
        co_owners: r.shared_strs("flow co-owners")?,
        run_only: r.strs("flow run-only users")?,
        environment: r.opt_shared("flow environment")?,
    })
}

pub(super) fn write_approval(w: &mut Writer, a: &Approval) {
    w.str(&a.id);
    w.shared(&a.tenant_id);
    w.shared(&a.title);
    w.opt_shared(a.details.as_deref());
    w.shared(&a.requester_id);
    w.shared_strs(&a.approvers);
    w.byte(a.approval_type as u8);
    w.shared_strs(&a.response_options);
    w.varint(a.responses.len() as u64);
    for resp in &a.responses {
        w.shared(&resp.approver_id);
        w.shared(&resp.response);
        w.opt_str(resp.comments.as_deref());
        write_time(w, Some(&resp.responded_at));
        w.opt_shared(resp.on_behalf_of.as_deref());
    }
    w.byte(a.status as u8);
    w.opt_shared(a.outcome.as_deref());
    write_time(w, Some(&a.created_at));
    write_time(w, a.completed_at.as_deref());
    w.opt_shared(a.flow_id.as_deref());
    w.opt_shared(a.environment.as_deref());
}

pub(super) fn read_approval(r: &mut Reader<'_>) -> Result<Approval> {
    let id = string(r, "approval id")?;
    let tenant_id = r.shared("approval tenant")?;
    let title = r.shared("approval title")?;
    let details = r.opt_shared("approval details")?;
    let requester_id = r.shared("approval requester")?;
    let approvers = r.shared_strs("approval approvers")?;
    let approval_type = match r.byte("approval type")? {
        RETIRED_SEQUENTIAL => {
            return Err(Error::InvalidValue {
                field: format!("approvals[{id}].type"),
                reason: SEQUENTIAL_REFUSED.to_string(),
            })
        }
        b => APPROVAL_TYPES
            .get(usize::from(b))
            .copied()
            .ok_or_else(|| corrupt(format_args!("approval type: unknown value {b}")))?,
    };
    let response_options = r.shared_strs("approval response options")?;
    let n = r.count(MIN_RESPONSE, "approval responses")?;
    let mut responses = Vec::with_capacity(n);
    for _ in 0..n {
        responses.push(ApprovalResponse {
            approver_id: r.shared("response approver")?,
            response: r.shared("response")?,
            comments: r.opt_str("response comments")?,
            responded_at: read_time(r, "response time")?
                .ok_or_else(|| corrupt("response time is missing"))?,
            on_behalf_of: r.opt_shared("response on behalf of")?,
        });
    }
    Ok(Approval {
        id,
        tenant_id,
        title,
        details,
        requester_id,
        approvers,
        approval_type,
        response_options,
        responses,
        status: tag(r, &APPROVAL_STATUSES, "approval status")?,
        outcome: r.opt_shared("approval outcome")?,
        created_at: read_time(r, "approval creation time")?
            .ok_or_else(|| corrupt("approval creation time is missing"))?,
        completed_at: read_time(r, "approval completion time")?,
        flow_id: r.opt_shared("approval flow")?,
        environment: r.opt_shared("approval environment")?,
    })
}

pub(super) fn write_connector(w: &mut Writer, c: &Connector) {
    w.str(&c.id);
    w.str(&c.display_name);
    w.byte(u8::from(c.guest_picker));
}

pub(super) fn read_connector(r: &mut Reader<'_>) -> Result<Connector> {
    Ok(Connector {
        id: string(r, "connector id")?,
        display_name: string(r, "connector name")?,
        guest_picker: flags(r, 1, "connector flags")? != 0,
    })
}

pub(super) fn write_join_request(w: &mut Writer, j: &JoinRequest) {
    w.str(&j.id);
    w.str(&j.group_id);
    w.str(&j.user_id);
    w.byte(j.status as u8);
    w.opt_str(j.decided_by.as_deref());
}

pub(super) fn read_join_request(r: &mut Reader<'_>) -> Result<JoinRequest> {
    Ok(JoinRequest {
        id: string(r, "join request id")?,
        group_id: string(r, "join request group")?,
        user_id: string(r, "join request user")?,
        status: tag(r, &JOIN_STATUSES, "join request status")?,
        decided_by: r.opt_str("join request decided by")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_enum_value_is_its_tag() {
        assert!(CLOUDS.iter().enumerate().all(|(i, v)| *v as usize == i));
        assert!(GUEST_ACCESS
            .iter()
            .enumerate()
            .all(|(i, v)| *v as usize == i));
        assert!(JOIN_POLICIES
            .iter()
            .enumerate()
            .all(|(i, v)| *v as usize == i));
        assert!(SSO.iter().enumerate().all(|(i, v)| *v as usize == i));
        assert!(TRIGGERS.iter().enumerate().all(|(i, v)| *v as usize == i));
        assert!(APPROVAL_TYPES
            .iter()
            .enumerate()
            .all(|(i, v)| *v as usize == i));
        assert!(APPROVAL_STATUSES
            .iter()
            .enumerate()
            .all(|(i, v)| *v as usize == i));
        assert!(JOIN_STATUSES
            .iter()
            .enumerate()
            .all(|(i, v)| *v as usize == i));
    }
}

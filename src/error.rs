//! Every way a call can be refused, each with a stable `code()`.
//!
//! An expected "no" (a person may not edit a flow) is a value, not an error; an `Error`
//! means the input was bad or the request impossible. Every message says what to fix.
//! Codes are part of the public contract: add new ones, never rename old ones.

use crate::model::Id;

/// A refused call: bad input or an impossible request. The directory is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Input that does not parse or has the wrong shape.
    #[error("invalid input: {}{reason}", at_field(field.as_deref()))]
    InvalidInput {
        /// The JSON path of the offending value (`users[3].mail`), when one is known.
        field: Option<String>,
        /// What is wrong and what is expected.
        reason: String,
    },
    /// Input with a field guestpass does not know (a typo is never silently dropped).
    #[error("unknown field: {field} ({reason}); remove it or check its spelling")]
    UnknownField {
        /// The JSON path of the unknown field (`users[0].mial`).
        field: String,
        /// The fields that are known there.
        reason: String,
    },
    /// A value that is present but not acceptable.
    #[error("invalid value for {field}: {reason}")]
    InvalidValue {
        /// The offending field, as a JSON path.
        field: String,
        /// What is wrong and what is expected.
        reason: String,
    },
    /// Two objects with the same id.
    #[error("duplicate id \"{0}\": ids must be unique across tenants, users, groups, apps, flows, approvals, connectors and join requests")]
    DuplicateId(Id),
    /// An id that names no tenant.
    #[error("no tenant with id \"{0}\"")]
    UnknownTenant(Id),
    /// An id that names no user.
    #[error("no user with id \"{0}\"")]
    UnknownUser(Id),
    /// An id that names no group.
    #[error("no group with id \"{0}\"")]
    UnknownGroup(Id),
    /// An id that names no app.
    #[error("no app with id \"{0}\"")]
    UnknownApp(Id),
    /// An id that names no flow.
    #[error("no flow with id \"{0}\"")]
    UnknownFlow(Id),
    /// An id that names no approval.
    #[error("no approval with id \"{0}\"")]
    UnknownApproval(Id),
    /// An id that names no connector.
    #[error("no connector with id \"{0}\"")]
    UnknownConnector(Id),
    /// An id that names no join request.
    #[error("no join request with id \"{0}\"")]
    UnknownJoinRequest(Id),
    /// A reference to an object that does not exist.
    #[error(
        "{from}.{field} names \"{to}\", which does not exist; add it first or remove the reference"
    )]
    DanglingReference {
        /// The object holding the reference.
        from: Id,
        /// The field holding it.
        field: &'static str,
        /// The missing id.
        to: Id,
    },
    /// A reference to an object of another tenant where only the same tenant makes sense.
    #[error("{from}.{field} names \"{to}\", which belongs to another tenant; invite the person as a guest and name the guest object instead")]
    CrossTenantReference {
        /// The object holding the reference.
        from: Id,
        /// The field holding it.
        field: &'static str,
        /// The foreign id.
        to: Id,
    },
    /// A membership that would make a group contain itself.
    #[error("adding \"{member}\" to group \"{group}\" would make a cycle of groups")]
    GroupCycle {
        /// The group being changed.
        group: Id,
        /// The member that leads back to it.
        member: Id,
    },
    /// A bound on input size was exceeded.
    #[error("{what} exceeds the limit of {limit}")]
    LimitExceeded {
        /// What was too big.
        what: String,
        /// The documented bound.
        limit: usize,
    },
    /// Sign-in named nobody in that tenant.
    #[error(
        "no user \"{user}\" in tenant \"{tenant}\" (looked up by id, userPrincipalName and mail)"
    )]
    UserNotFound {
        /// What was given.
        user: String,
        /// The tenant searched.
        tenant: Id,
    },
    /// An account that is disabled (`accountEnabled: false`) cannot sign in.
    #[error("user \"{0}\" is disabled (accountEnabled is false) and cannot sign in; an administrator must enable the account")]
    AccountDisabled(Id),
    /// A guest who has not redeemed their invitation.
    #[error("guest \"{0}\" has not redeemed their invitation yet (externalUserState is PendingAcceptance)")]
    InvitationPending(Id),
    /// A guest whose home and resource tenants may not collaborate.
    #[error("tenants \"{resource}\" and \"{home}\" may not collaborate: {reasons}")]
    CollaborationBlocked {
        /// The tenant signed into.
        resource: Id,
        /// The guest's home tenant.
        home: Id,
        /// The blockers' codes, comma-separated.
        reasons: String,
    },
    /// A session whose person no longer exists in the directory.
    #[error("the signed-in user \"{0}\" no longer exists; sign in again")]
    SessionEnded(Id),
    /// Removing an object that others still depend on.
    #[error("\"{id}\" is still referenced by {by}.{field}; change or remove that first")]
    InUse {
        /// The object that cannot be removed.
        id: Id,
        /// The object that references it.
        by: Id,
        /// The referencing field.
        field: &'static str,
    },
    /// Changing a user's tenant, which would orphan its memberships.
    #[error("user \"{0}\" cannot move to another tenant; remove it and add a new user instead")]
    TenantChange(Id),
    /// Bytes that are not a guestpass snapshot at all.
    #[error(
        "these bytes are not a guestpass snapshot (wrong magic); pass bytes made by dir.toBytes()"
    )]
    SnapshotNotRecognized,
    /// A snapshot cut short.
    #[error("the snapshot is truncated: {expected} bytes expected, {actual} present; store and load the whole byte array")]
    SnapshotTruncated {
        /// Bytes the header announces.
        expected: usize,
        /// Bytes given.
        actual: usize,
    },
    /// A snapshot whose checksum does not match: some byte changed.
    #[error("the snapshot's checksum does not match: it was altered or damaged in storage; rebuild it from the source")]
    SnapshotChecksumMismatch,
    /// A snapshot of a format version this build cannot read.
    #[error("snapshot format version {found} is not supported (this build reads version {supported}); rebuild it with this version")]
    SnapshotVersionUnsupported {
        /// The version in the snapshot.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// A snapshot that passed its checksum but does not decode.
    #[error("the snapshot is corrupt: {0}")]
    SnapshotCorrupt(String),
    /// Run-only users on a flow that is not manually triggered.
    #[error("flow \"{0}\" is not manually triggered; only flows with a manual trigger can have run-only users")]
    RunOnlyRequiresManualTrigger(Id),
    /// A group change asked for by someone who does not own the group.
    #[error("\"{user}\" is not an owner of group \"{group}\"; only its owners manage its members and requests")]
    NotGroupOwner {
        /// The group.
        group: Id,
        /// The person who asked.
        user: Id,
    },
    /// Self-service group management is off for the tenant.
    #[error("self-service group management is turned off in tenant \"{0}\"; an administrator must turn on \"owners can manage group membership requests\" (settings.selfServiceGroupManagement) first")]
    SelfServiceDisabled(Id),
    /// A group whose membership is computed by a rule: nobody can be added by hand.
    #[error("group \"{0}\" has dynamic membership (groupTypes contains \"DynamicMembership\"); its members come from its rule, so nobody can be invited or added to it")]
    DynamicGroup(Id),
    /// A group synced from on-premises Active Directory: managed there, not here.
    #[error("group \"{0}\" is synced from on-premises (onPremisesSyncEnabled); change its members in on-premises Active Directory")]
    OnPremisesGroup(Id),
    /// Text that is not an email address.
    #[error("\"{email}\" is not an email address: {reason}")]
    InvalidEmail {
        /// What was given.
        email: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Inviting, as a guest, an address of the tenant's own verified domains.
    #[error("\"{email}\" is in a verified domain of tenant \"{tenant}\" itself; people of the tenant are added as members, not invited as guests")]
    AddressInOwnDomain {
        /// The address.
        email: String,
        /// The tenant.
        tenant: Id,
    },
    /// Self-service on an app without single sign-on.
    #[error("app \"{0}\" has no single sign-on configured (singleSignOn is \"none\"); configure SAML, OpenID Connect, password-based or linked sign-on before self-service")]
    SsoNotConfigured(Id),
    /// An app's self-service group that is not assigned to the app.
    #[error("group \"{group}\" is not assigned to app \"{app}\"; assign it to the app before making it the self-service group (and choose another group before unassigning it)")]
    GroupNotAssignedToApp {
        /// The app.
        app: Id,
        /// The self-service group.
        group: Id,
    },
    /// A request to join a group whose join policy is closed.
    #[error("group \"{0}\" is closed to join requests; ask one of its owners to add you")]
    GroupClosed(Id),
    /// Adding someone who already is a direct member of the group.
    #[error("\"{user}\" is already a member of group \"{group}\"")]
    AlreadyMember {
        /// The group.
        group: Id,
        /// The member.
        user: Id,
    },
    /// A second request to join while the first still waits.
    #[error("join request \"{request}\" for group \"{group}\" is still waiting for an owner; wait for its decision")]
    RequestAlreadyPending {
        /// The waiting request.
        request: Id,
        /// The group.
        group: Id,
    },
    /// Deciding a join request that was already decided.
    #[error("join request \"{request}\" was already decided ({status}); a decision cannot be changed — the person may ask again")]
    RequestAlreadyDecided {
        /// The request.
        request: Id,
        /// `approved` or `declined`.
        status: &'static str,
    },
    /// Redeeming an invitation that was already redeemed.
    #[error("guest \"{0}\" has already redeemed their invitation (externalUserState is Accepted)")]
    AlreadyRedeemed(Id),
    /// Redeeming an invitation for a member, who was never invited.
    #[error("\"{0}\" is a member of the tenant, not an invited guest; members have no invitation to redeem")]
    NotAGuest(Id),
    /// Removing someone from a group they are not a direct member of.
    #[error("\"{member}\" is not a direct member of group \"{group}\"")]
    NotAMember {
        /// The group.
        group: Id,
        /// The principal named.
        member: Id,
    },
    /// A flow action guestpass does not know.
    #[error("unknown action \"{action}\"; expected one of {expected}")]
    UnknownAction {
        /// What was given.
        action: String,
        /// The valid actions, comma-separated.
        expected: &'static str,
    },
    /// A principal (user or group) that does not exist in the tenant.
    #[error("no user or group \"{principal}\" in tenant \"{tenant}\" (looked up by group id, and by user object id, userPrincipalName and mail)")]
    UnknownPrincipal {
        /// What was given.
        principal: String,
        /// The tenant searched.
        tenant: Id,
    },
    /// Removing a flow's creator, or giving them another role.
    #[error("\"{creator}\" created flow \"{flow}\" and is always its owner; nobody can remove the creator or give them another role")]
    CannotRemoveCreator {
        /// The flow.
        flow: Id,
        /// Its creator.
        creator: Id,
    },
    /// Changing a flow's sharing without being its owner or a co-owner who may use flows.
    #[error("\"{user}\" may not change who flow \"{flow}\" is shared with ({reason}); only its owner and co-owners may")]
    NotAllowedToShare {
        /// The flow.
        flow: Id,
        /// Who tried.
        user: Id,
        /// The decision code that said no (`NO_ROLE`, `RUN_ONLY_CANNOT_SHARE`, `NO_LICENSE`, …).
        reason: &'static str,
    },
    /// Removing a share that does not exist.
    #[error("\"{principal}\" has no share of their own on flow \"{flow}\", so there is nothing to remove; if they reach it through a group, unshare the group or take them out of it")]
    NotShared {
        /// The flow.
        flow: Id,
        /// The principal named.
        principal: Id,
    },
    /// A people-search query over the length limit.
    #[error("the query has {chars} characters; at most {limit} are searched, shorten it")]
    QueryTooLong {
        /// Characters in the query.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// A time that is not RFC 3339 text.
    #[error("{field}: \"{value}\" is not an RFC 3339 time; write it like \"2026-11-23T10:00:00Z\" (a UTC offset such as +01:00 may replace the Z)")]
    InvalidTime {
        /// Where the time was given.
        field: String,
        /// What was given.
        value: String,
    },
    /// Acting on approvals without the prerequisites of every Power Automate capability:
    /// its code is the prerequisite's (`NO_LICENSE`, `NO_CONSENT`) or the unknown home
    /// fact's (`HOME_LICENSE_UNKNOWN`, `HOME_OUTBOUND_UNKNOWN`, `HOME_TENANT_UNKNOWN`).
    #[error("approvals are not available to \"{user}\": {reason}; session.features().approvals says the same")]
    ApprovalsUnavailable {
        /// The signed-in user.
        user: Id,
        /// The prerequisite's or unknown fact's code.
        code: &'static str,
        /// Its message.
        reason: &'static str,
    },
    /// Responding to or reassigning an approval one is not an approver of.
    #[error("you are not an approver of approval \"{0}\": only its approvers (named, or members of a group named, nested groups counting) may respond or reassign")]
    NotAnApprover(Id),
    /// Responding to a sequential approval before one's turn.
    #[error("it is not your turn on sequential approval \"{approval}\": it waits for \"{waiting_for}\" first")]
    NotYourTurn {
        /// The approval.
        approval: Id,
        /// The approver (user or group) whose turn it is.
        waiting_for: Id,
    },
    /// A second response from the same person, or for an approver already answered.
    #[error("approval \"{approval}\" already has the response of \"{approver}\"; an approver responds once")]
    AlreadyResponded {
        /// The approval.
        approval: Id,
        /// The approver (the person, or the group they belong to) already answered.
        approver: Id,
    },
    /// A response that is not one of the approval's options.
    #[error("\"{response}\" is not a response option of approval \"{approval}\"; choose one of: {}", .options.join(", "))]
    InvalidResponse {
        /// The approval.
        approval: Id,
        /// What was given.
        response: String,
        /// The approval's response options.
        options: Vec<String>,
    },
    /// Acting on an approval that is already completed.
    #[error("approval \"{0}\" is already completed; it takes no more responses, reassignments or cancellation")]
    ApprovalCompleted(Id),
    /// Acting on an approval its requester canceled.
    #[error("approval \"{0}\" was canceled by its requester; it takes no more responses or reassignments")]
    ApprovalCanceled(Id),
    /// Acting on an approval left pending too long.
    #[error("approval \"{0}\" expired (it was left pending 28 days); ask the requester to send a new one")]
    ApprovalExpired(Id),
    /// Canceling an approval one did not request.
    #[error("only the requester of approval \"{0}\" may cancel it")]
    NotTheRequester(Id),
    /// Reassigning to someone who is already an approver or has responded.
    #[error("\"{user}\" is already an approver of approval \"{approval}\" (or has responded to it); reassign to someone else")]
    AlreadyAnApprover {
        /// The approval.
        approval: Id,
        /// The user it was to be reassigned to.
        user: Id,
    },
}

impl Error {
    /// The stable machine-readable code of this error, e.g. `"INVITATION_PENDING"`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidInput { .. } => "INVALID_INPUT",
            Error::UnknownField { .. } => "UNKNOWN_FIELD",
            Error::InvalidValue { .. } => "INVALID_VALUE",
            Error::DuplicateId(_) => "DUPLICATE_ID",
            Error::UnknownTenant(_) => "UNKNOWN_TENANT",
            Error::UnknownUser(_) => "UNKNOWN_USER",
            Error::UnknownGroup(_) => "UNKNOWN_GROUP",
            Error::UnknownApp(_) => "UNKNOWN_APP",
            Error::UnknownFlow(_) => "UNKNOWN_FLOW",
            Error::UnknownApproval(_) => "UNKNOWN_APPROVAL",
            Error::UnknownConnector(_) => "UNKNOWN_CONNECTOR",
            Error::UnknownJoinRequest(_) => "UNKNOWN_JOIN_REQUEST",
            Error::DanglingReference { .. } => "DANGLING_REFERENCE",
            Error::CrossTenantReference { .. } => "CROSS_TENANT_REFERENCE",
            Error::GroupCycle { .. } => "GROUP_CYCLE",
            Error::LimitExceeded { .. } => "LIMIT_EXCEEDED",
            Error::UserNotFound { .. } => "USER_NOT_FOUND",
            Error::InvitationPending(_) => "INVITATION_PENDING",
            Error::AccountDisabled(_) => "ACCOUNT_DISABLED",
            Error::CollaborationBlocked { .. } => "COLLABORATION_BLOCKED",
            Error::SessionEnded(_) => "SESSION_ENDED",
            Error::RunOnlyRequiresManualTrigger(_) => "RUN_ONLY_REQUIRES_MANUAL_TRIGGER",
            Error::InUse { .. } => "IN_USE",
            Error::SnapshotNotRecognized => "SNAPSHOT_NOT_RECOGNIZED",
            Error::SnapshotTruncated { .. } => "SNAPSHOT_TRUNCATED",
            Error::SnapshotChecksumMismatch => "SNAPSHOT_CHECKSUM_MISMATCH",
            Error::SnapshotVersionUnsupported { .. } => "SNAPSHOT_VERSION_UNSUPPORTED",
            Error::SnapshotCorrupt(_) => "SNAPSHOT_CORRUPT",
            Error::TenantChange(_) => "TENANT_CHANGE",
            Error::NotGroupOwner { .. } => "NOT_GROUP_OWNER",
            Error::SelfServiceDisabled(_) => "SELF_SERVICE_DISABLED",
            Error::DynamicGroup(_) => "DYNAMIC_GROUP",
            Error::OnPremisesGroup(_) => "ON_PREMISES_GROUP",
            Error::InvalidEmail { .. } => "INVALID_EMAIL",
            Error::AddressInOwnDomain { .. } => "ADDRESS_IN_OWN_DOMAIN",
            Error::SsoNotConfigured(_) => "SSO_NOT_CONFIGURED",
            Error::GroupNotAssignedToApp { .. } => "GROUP_NOT_ASSIGNED_TO_APP",
            Error::GroupClosed(_) => "GROUP_CLOSED",
            Error::AlreadyMember { .. } => "ALREADY_MEMBER",
            Error::RequestAlreadyPending { .. } => "REQUEST_ALREADY_PENDING",
            Error::RequestAlreadyDecided { .. } => "REQUEST_ALREADY_DECIDED",
            Error::AlreadyRedeemed(_) => "ALREADY_REDEEMED",
            Error::NotAGuest(_) => "NOT_A_GUEST",
            Error::NotAMember { .. } => "NOT_A_MEMBER",
            Error::UnknownAction { .. } => "UNKNOWN_ACTION",
            Error::UnknownPrincipal { .. } => "UNKNOWN_PRINCIPAL",
            Error::CannotRemoveCreator { .. } => "CANNOT_REMOVE_CREATOR",
            Error::NotAllowedToShare { .. } => "NOT_ALLOWED_TO_SHARE",
            Error::NotShared { .. } => "NOT_SHARED",
            Error::QueryTooLong { .. } => "QUERY_TOO_LONG",
            Error::InvalidTime { .. } => "INVALID_TIME",
            // The code of the prerequisite or fact (b2b::Missing, b2b::Unknown): "NO_LICENSE",
            // "NO_CONSENT", "HOME_LICENSE_UNKNOWN", "HOME_OUTBOUND_UNKNOWN", "HOME_TENANT_UNKNOWN".
            Error::ApprovalsUnavailable { code, .. } => code,
            Error::NotAnApprover(_) => "NOT_AN_APPROVER",
            Error::NotYourTurn { .. } => "NOT_YOUR_TURN",
            Error::AlreadyResponded { .. } => "ALREADY_RESPONDED",
            Error::InvalidResponse { .. } => "INVALID_RESPONSE",
            Error::ApprovalCompleted(_) => "APPROVAL_COMPLETED",
            Error::ApprovalCanceled(_) => "APPROVAL_CANCELED",
            Error::ApprovalExpired(_) => "APPROVAL_EXPIRED",
            Error::NotTheRequester(_) => "NOT_THE_REQUESTER",
            Error::AlreadyAnApprover { .. } => "ALREADY_AN_APPROVER",
        }
    }

    /// Structured details for programs: the ids and fields the message mentions.
    pub fn details(&self) -> Vec<(&'static str, String)> {
        match self {
            Error::InvalidInput {
                field: Some(field), ..
            }
            | Error::UnknownField { field, .. } => {
                vec![("field", field.clone())]
            }
            Error::InvalidInput { field: None, .. }
            | Error::SnapshotNotRecognized
            | Error::SnapshotChecksumMismatch
            | Error::SnapshotCorrupt(_) => vec![],
            Error::SnapshotTruncated { expected, actual } => vec![
                ("expected", expected.to_string()),
                ("actual", actual.to_string()),
            ],
            Error::SnapshotVersionUnsupported { found, supported } => vec![
                ("found", found.to_string()),
                ("supported", supported.to_string()),
            ],
            Error::InvalidValue { field, .. } => vec![("field", field.clone())],
            Error::DuplicateId(id)
            | Error::UnknownTenant(id)
            | Error::UnknownUser(id)
            | Error::UnknownGroup(id)
            | Error::UnknownApp(id)
            | Error::UnknownFlow(id)
            | Error::UnknownApproval(id)
            | Error::UnknownConnector(id)
            | Error::UnknownJoinRequest(id)
            | Error::InvitationPending(id)
            | Error::AccountDisabled(id)
            | Error::SessionEnded(id)
            | Error::TenantChange(id)
            | Error::RunOnlyRequiresManualTrigger(id) => vec![("id", id.clone())],
            Error::InUse { id, by, field } => vec![
                ("id", id.clone()),
                ("by", by.clone()),
                ("field", (*field).to_string()),
            ],
            Error::DanglingReference { from, field, to }
            | Error::CrossTenantReference { from, field, to } => vec![
                ("from", from.clone()),
                ("field", (*field).to_string()),
                ("to", to.clone()),
            ],
            Error::GroupCycle { group, member } => {
                vec![("group", group.clone()), ("member", member.clone())]
            }
            Error::LimitExceeded { what, limit } => {
                vec![("what", what.clone()), ("limit", limit.to_string())]
            }
            Error::UserNotFound { user, tenant } => {
                vec![("user", user.clone()), ("tenantId", tenant.clone())]
            }
            Error::CollaborationBlocked {
                resource,
                home,
                reasons,
            } => vec![
                ("resourceTenantId", resource.clone()),
                ("homeTenantId", home.clone()),
                ("blockers", reasons.clone()),
            ],
            Error::SelfServiceDisabled(id)
            | Error::DynamicGroup(id)
            | Error::OnPremisesGroup(id)
            | Error::SsoNotConfigured(id)
            | Error::GroupClosed(id)
            | Error::AlreadyRedeemed(id)
            | Error::NotAGuest(id) => vec![("id", id.clone())],
            Error::NotGroupOwner { group, user } | Error::AlreadyMember { group, user } => {
                vec![("groupId", group.clone()), ("userId", user.clone())]
            }
            Error::NotAMember { group, member } => {
                vec![("groupId", group.clone()), ("memberId", member.clone())]
            }
            Error::InvalidEmail { email, .. } => vec![("email", email.clone())],
            Error::AddressInOwnDomain { email, tenant } => {
                vec![("email", email.clone()), ("tenantId", tenant.clone())]
            }
            Error::GroupNotAssignedToApp { app, group } => {
                vec![("appId", app.clone()), ("groupId", group.clone())]
            }
            Error::RequestAlreadyPending { request, group } => {
                vec![("requestId", request.clone()), ("groupId", group.clone())]
            }
            Error::RequestAlreadyDecided { request, status } => {
                vec![
                    ("requestId", request.clone()),
                    ("status", (*status).to_string()),
                ]
            }
            Error::UnknownAction { action, expected } => {
                vec![
                    ("action", action.clone()),
                    ("expected", (*expected).to_string()),
                ]
            }
            Error::UnknownPrincipal { principal, tenant } => {
                vec![
                    ("principal", principal.clone()),
                    ("tenantId", tenant.clone()),
                ]
            }
            Error::CannotRemoveCreator { flow, creator } => {
                vec![("flowId", flow.clone()), ("creator", creator.clone())]
            }
            Error::NotAllowedToShare { flow, user, reason } => vec![
                ("flowId", flow.clone()),
                ("userId", user.clone()),
                ("reason", (*reason).to_string()),
            ],
            Error::NotShared { flow, principal } => {
                vec![("flowId", flow.clone()), ("principal", principal.clone())]
            }
            Error::QueryTooLong { chars, limit } => {
                vec![("chars", chars.to_string()), ("limit", limit.to_string())]
            }
            Error::InvalidTime { field, value } => {
                vec![("field", field.clone()), ("value", value.clone())]
            }
            Error::ApprovalsUnavailable { user, code, .. } => {
                vec![("id", user.clone()), ("reason", (*code).to_string())]
            }
            Error::NotAnApprover(id)
            | Error::ApprovalCompleted(id)
            | Error::ApprovalCanceled(id)
            | Error::ApprovalExpired(id)
            | Error::NotTheRequester(id) => vec![("id", id.clone())],
            Error::NotYourTurn {
                approval,
                waiting_for,
            } => vec![
                ("id", approval.clone()),
                ("waitingFor", waiting_for.clone()),
            ],
            Error::AlreadyResponded { approval, approver } => {
                vec![("id", approval.clone()), ("approver", approver.clone())]
            }
            Error::InvalidResponse {
                approval,
                response,
                options,
            } => vec![
                ("id", approval.clone()),
                ("response", response.clone()),
                (
                    "options",
                    serde_json::to_string(options).unwrap_or_default(),
                ),
            ],
            Error::AlreadyAnApprover { approval, user } => {
                vec![("id", approval.clone()), ("user", user.clone())]
            }
        }
    }

    /// `UNKNOWN_FIELD` or `INVALID_INPUT` from serde's message, at the JSON path `path`
    /// when it is known. serde says "unknown field `limt`, expected one of ..."; the
    /// error keeps the field and the names that are known there.
    pub fn from_serde_message(message: &str, path: Option<&str>) -> Error {
        if let Some((name, rest)) = message
            .strip_prefix("unknown field `")
            .and_then(|m| m.split_once("`, "))
        {
            return Error::UnknownField {
                field: path.unwrap_or(name).to_string(),
                reason: rest.to_string(),
            };
        }
        Error::InvalidInput {
            field: path.map(str::to_string),
            reason: message.to_string(),
        }
    }

    /// `INVALID_INPUT` with no field named: `reason` says what is wrong and what to do.
    pub fn invalid_input(reason: impl Into<String>) -> Error {
        Error::InvalidInput {
            field: None,
            reason: reason.into(),
        }
    }
}

/// `"{field}: "`, or nothing when no field is known (for [`Error::InvalidInput`]'s message).
fn at_field(field: Option<&str>) -> String {
    field.map(|f| format!("{f}: ")).unwrap_or_default()
}

impl From<crate::search::QueryError> for Error {
    fn from(err: crate::search::QueryError) -> Self {
        match err {
            crate::search::QueryError::TooLong { chars, limit } => {
                Error::QueryTooLong { chars, limit }
            }
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Error::from_serde_message(&err.to_string(), None)
    }
}

/// The result of a call that may be refused.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_screaming_snake_case() {
        let samples = [
            Error::invalid_input("x"),
            Error::DuplicateId("a".into()),
            Error::GroupCycle {
                group: "g".into(),
                member: "h".into(),
            },
        ];
        for e in samples {
            assert!(e.code().chars().all(|c| c.is_ascii_uppercase() || c == '_'));
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn serde_unknown_field_becomes_unknown_field() {
        let err = Error::from_serde_message("unknown field `foo`, expected one of `id`", None);
        assert_eq!(err.code(), "UNKNOWN_FIELD");
        assert_eq!(
            err.to_string(),
            "unknown field: foo (expected one of `id`); remove it or check its spelling"
        );
        assert_eq!(err.details(), vec![("field", "foo".to_string())]);
        let err = Error::from_serde_message("invalid type: integer `7`", Some("users[0].mail"));
        assert_eq!(
            err.to_string(),
            "invalid input: users[0].mail: invalid type: integer `7`"
        );
        assert_eq!(err.details(), vec![("field", "users[0].mail".to_string())]);
    }
}

//! Every way a call can be refused, each with a stable `code()`.
//!
//! An expected "no" (a person may not edit a flow) is a value, not an error; an `Error`
//! means the input was bad or the request impossible. Every message says what to fix.
//! Codes are part of the public contract: add new ones, never rename old ones.
//!
//! Each error is written once, in the one list below: its doc, its message (thiserror's
//! `#[error]`), its fields, its code and its details. The `errors!` macro turns the list
//! into the enum, [`Error::code`], [`Error::details`] and [`Error::CODES`], so a new
//! error cannot have a message without a code or a code without its details. The tests
//! check every variant's code against the package's `GuestPassErrorCode` union
//! (`pkg-template/errors.ts`) and the README's table.

/// An object id, as `model::Id` (errors import nothing else of the crate's, so that every
/// module may refuse with them).
type Id = String;

/// Declares [`Error`] from one list of variants, in the spirit of `model::string_enum!`:
///
/// ```text
/// /// doc
/// #[error("message with {fields}")]
/// Name { field: Type, ... } => "CODE" ["detailKey": field, ...],
/// Name(field: Type) => "CODE" ["id": field],
/// Name => "CODE" [],
/// ```
///
/// A tuple variant names its fields (`DuplicateId(id: Id)`) so its details can use
/// them; the enum itself keeps them positional (`{0}` in the message). A detail's value
/// reads as [`DetailText`] says: text as it is, a number in decimal, a list as JSON, an
/// absent `Option` left out.
macro_rules! errors {
    ($(
        $(#[$attr:meta])*
        $variant:ident
            $( ( $($tname:ident : $tty:ty),* $(,)? ) )?
            $( { $( $(#[$fattr:meta])* $fname:ident : $fty:ty ),* $(,)? } )?
        => $code:literal [ $( $key:literal : $value:expr ),* $(,)? ]
    ),* $(,)?) => {
        /// A refused call: bad input or an impossible request. The directory is unchanged.
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
        pub enum Error {
            $(
                $(#[$attr])*
                $variant
                    $( ( $($tty),* ) )?
                    $( { $( $(#[$fattr])* $fname : $fty ),* } )?,
            )*
        }

        impl Error {
            /// Every code an `Error` can carry, in the order of the list.
            pub const CODES: &'static [&'static str] = &[$($code),*];

            /// The stable machine-readable code of this error, e.g. `"INVITATION_PENDING"`.
            pub fn code(&self) -> &'static str {
                match self {
                    $( Error::$variant { .. } => $code, )*
                }
            }

            /// The named values of [`Error::details`], an absent one as `None`.
            #[allow(unused_variables)]
            fn detail_values(&self) -> Vec<(&'static str, Option<String>)> {
                match self {
                    $(
                        Error::$variant $( ( $($tname),* ) )? $( { $($fname),* } )? => {
                            vec![$( ($key, DetailText::detail_text($value)) ),*]
                        }
                    )*
                }
            }

            /// One error of each variant, its fields at their defaults, in list order.
            #[cfg(test)]
            fn one_of_each() -> Vec<Error> {
                vec![$(
                    Error::$variant
                        $( ( $(<$tty as Default>::default()),* ) )?
                        $( { $($fname: <$fty as Default>::default()),* } )?
                ),*]
            }
        }
    };
}

/// How a field of an error reads in [`Error::details`].
trait DetailText {
    /// The field as detail text, or `None` to leave it out.
    fn detail_text(&self) -> Option<String>;
}

impl DetailText for String {
    fn detail_text(&self) -> Option<String> {
        Some(self.clone())
    }
}

impl DetailText for &'static str {
    fn detail_text(&self) -> Option<String> {
        Some((*self).to_string())
    }
}

impl DetailText for Option<String> {
    fn detail_text(&self) -> Option<String> {
        self.clone()
    }
}

impl DetailText for usize {
    fn detail_text(&self) -> Option<String> {
        Some(self.to_string())
    }
}

impl DetailText for u32 {
    fn detail_text(&self) -> Option<String> {
        Some(self.to_string())
    }
}

/// A list (an approval's response options) is JSON text: `["Approve","Reject"]`.
impl DetailText for Vec<String> {
    fn detail_text(&self) -> Option<String> {
        Some(serde_json::to_string(self).unwrap_or_default())
    }
}

errors! {
    /// Input that does not parse or has the wrong shape.
    #[error("invalid input: {}{reason}", at_field(field.as_deref()))]
    InvalidInput {
        /// The JSON path of the offending value (`users[3].mail`), when one is known.
        field: Option<String>,
        /// What is wrong and what is expected.
        reason: String,
    } => "INVALID_INPUT" ["field": field],
    /// Input with a field guestpass does not know (a typo is never silently dropped).
    #[error("unknown field: {field} ({reason}); remove it or check its spelling")]
    UnknownField {
        /// The JSON path of the unknown field (`users[0].mial`).
        field: String,
        /// The fields that are known there.
        reason: String,
    } => "UNKNOWN_FIELD" ["field": field],
    /// A value that is present but not acceptable.
    #[error("invalid value for {field}: {reason}")]
    InvalidValue {
        /// The offending field, as a JSON path.
        field: String,
        /// What is wrong and what is expected.
        reason: String,
    } => "INVALID_VALUE" ["field": field],
    /// Two objects with the same id.
    #[error("duplicate id \"{0}\": ids must be unique across tenants, users, groups, apps, flows, approvals, connectors and join requests")]
    DuplicateId(id: Id) => "DUPLICATE_ID" ["id": id],
    /// An id that names no tenant.
    #[error("no tenant with id \"{0}\"")]
    UnknownTenant(id: Id) => "UNKNOWN_TENANT" ["id": id],
    /// An id that names no user.
    #[error("no user with id \"{0}\"")]
    UnknownUser(id: Id) => "UNKNOWN_USER" ["id": id],
    /// An id that names no group.
    #[error("no group with id \"{0}\"")]
    UnknownGroup(id: Id) => "UNKNOWN_GROUP" ["id": id],
    /// An id that names no app.
    #[error("no app with id \"{0}\"")]
    UnknownApp(id: Id) => "UNKNOWN_APP" ["id": id],
    /// An id that names no flow.
    #[error("no flow with id \"{0}\"")]
    UnknownFlow(id: Id) => "UNKNOWN_FLOW" ["id": id],
    /// An id that names no approval.
    #[error("no approval with id \"{0}\"")]
    UnknownApproval(id: Id) => "UNKNOWN_APPROVAL" ["id": id],
    /// An id that names no connector.
    #[error("no connector with id \"{0}\"")]
    UnknownConnector(id: Id) => "UNKNOWN_CONNECTOR" ["id": id],
    /// An id that names no join request.
    #[error("no join request with id \"{0}\"")]
    UnknownJoinRequest(id: Id) => "UNKNOWN_JOIN_REQUEST" ["id": id],
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
    } => "DANGLING_REFERENCE" ["from": from, "field": field, "to": to],
    /// A reference to an object of another tenant where only the same tenant makes sense.
    #[error("{from}.{field} names \"{to}\", which belongs to another tenant; invite the person as a guest and name the guest object instead")]
    CrossTenantReference {
        /// The object holding the reference.
        from: Id,
        /// The field holding it.
        field: &'static str,
        /// The foreign id.
        to: Id,
    } => "CROSS_TENANT_REFERENCE" ["from": from, "field": field, "to": to],
    /// A membership that would make a group contain itself.
    #[error("adding \"{member}\" to group \"{group}\" would make a cycle of groups")]
    GroupCycle {
        /// The group being changed.
        group: Id,
        /// The member that leads back to it.
        member: Id,
    } => "GROUP_CYCLE" ["group": group, "member": member],
    /// A bound on input size was exceeded.
    #[error("{what} exceeds the limit of {limit}")]
    LimitExceeded {
        /// What was too big.
        what: String,
        /// The documented bound.
        limit: usize,
    } => "LIMIT_EXCEEDED" ["what": what, "limit": limit],
    /// Sign-in named nobody in that tenant.
    #[error(
        "no user \"{user}\" in tenant \"{tenant}\" (looked up by id, userPrincipalName and mail)"
    )]
    UserNotFound {
        /// What was given.
        user: String,
        /// The tenant searched.
        tenant: Id,
    } => "USER_NOT_FOUND" ["user": user, "tenantId": tenant],
    /// Sign-in (or another lookup of a person) by an address that is the mail of more than
    /// one user of the tenant, and nobody's userPrincipalName.
    #[error("\"{user}\" is the mail of more than one user in tenant \"{tenant}\", so it does not say who; sign in by object id or userPrincipalName instead")]
    AmbiguousUser {
        /// What was given.
        user: String,
        /// The tenant searched.
        tenant: Id,
    } => "AMBIGUOUS_USER" ["user": user, "tenantId": tenant],
    /// An account that is disabled (`accountEnabled: false`) cannot sign in.
    #[error("user \"{0}\" is disabled (accountEnabled is false) and cannot sign in; an administrator must enable the account")]
    AccountDisabled(id: Id) => "ACCOUNT_DISABLED" ["id": id],
    /// A guest who has not redeemed their invitation.
    #[error("guest \"{0}\" has not redeemed their invitation yet (externalUserState is PendingAcceptance)")]
    InvitationPending(id: Id) => "INVITATION_PENDING" ["id": id],
    /// A guest whose home and resource tenants may not collaborate.
    #[error("tenants \"{resource}\" and \"{home}\" may not collaborate: {reasons}")]
    CollaborationBlocked {
        /// The tenant signed into.
        resource: Id,
        /// The guest's home tenant.
        home: Id,
        /// The blockers' codes, comma-separated.
        reasons: String,
    } => "COLLABORATION_BLOCKED" ["resourceTenantId": resource, "homeTenantId": home, "blockers": reasons],
    /// A session whose person no longer exists in the directory.
    #[error("the signed-in user \"{0}\" no longer exists; sign in again")]
    SessionEnded(id: Id) => "SESSION_ENDED" ["id": id],
    /// A `Directory`, `Session` or `PeopleIndex` used after `free()` (or a handle that
    /// names no live object).
    #[error("this {object} was freed (free() or the end of a `using` block), so {member} cannot be used on it; keep the object until you are done with it, or get a new one")]
    ObjectFreed {
        /// The class: `Directory`, `Session` or `PeopleIndex`.
        object: &'static str,
        /// The method or property called, as `stats()` or `userId`.
        member: &'static str,
    } => "OBJECT_FREED" ["object": object, "member": member],
    /// Removing an object that others still depend on.
    #[error("\"{id}\" is still referenced by {by}.{field}; change or remove that first")]
    InUse {
        /// The object that cannot be removed.
        id: Id,
        /// The object that references it.
        by: Id,
        /// The referencing field.
        field: &'static str,
    } => "IN_USE" ["id": id, "by": by, "field": field],
    /// Changing a user's tenant, which would orphan its memberships.
    #[error("user \"{0}\" cannot move to another tenant; remove it and add a new user instead")]
    TenantChange(id: Id) => "TENANT_CHANGE" ["id": id],
    /// Bytes that are not a guestpass snapshot at all.
    #[error(
        "these bytes are not a guestpass snapshot (wrong magic); pass bytes made by dir.toBytes()"
    )]
    SnapshotNotRecognized => "SNAPSHOT_NOT_RECOGNIZED" [],
    /// Bytes that are not a guestpass view (`dir.viewFor`) at all.
    #[error("these bytes are not a guestpass view (wrong magic); pass bytes made by dir.viewFor({{ tenantId, user }}) (a snapshot from dir.toBytes() loads with Directory.fromBytes)")]
    ViewNotRecognized => "VIEW_NOT_RECOGNIZED" [],
    /// A change asked of a session read from a view, which holds one person's part of a
    /// directory and cannot change the directory it came from.
    #[error("{0} cannot be done from a view: a view is a read-only copy of one person's part of the directory; send the change to the server that holds the directory")]
    ViewReadOnly(operation: &'static str) => "VIEW_READ_ONLY" ["operation": operation],
    /// A view's personal part given with a shared part other than the one it names (by
    /// SHA-256, and pairs by checksum when read), for instance another tenant's or
    /// audience's, or one written before a change.
    #[error("this shared part is not the one the personal part was written with, which is the shared part {expected}; fetch the shared part at the sharedHash that dir.viewParts returned with this personal part")]
    ViewPartsMismatch {
        /// The SHA-256 of the shared part the personal part names (hex): its `sharedHash`.
        expected: String,
    } => "VIEW_PARTS_MISMATCH" ["expected": expected],
    /// A snapshot cut short.
    #[error("the snapshot is truncated: {expected} bytes expected, {actual} present; store and load the whole byte array")]
    SnapshotTruncated {
        /// Bytes the header announces.
        expected: usize,
        /// Bytes given.
        actual: usize,
    } => "SNAPSHOT_TRUNCATED" ["expected": expected, "actual": actual],
    /// A snapshot whose checksum does not match: some byte changed.
    #[error("the snapshot's checksum does not match: it was altered or damaged in storage; rebuild it from the source")]
    SnapshotChecksumMismatch => "SNAPSHOT_CHECKSUM_MISMATCH" [],
    /// A snapshot of a format version this build cannot read.
    #[error("snapshot format version {found} is not supported (this build reads version {supported}); rebuild it with this version")]
    SnapshotVersionUnsupported {
        /// The version in the snapshot.
        found: u32,
        /// The version this build reads.
        supported: u32,
    } => "SNAPSHOT_VERSION_UNSUPPORTED" ["found": found, "supported": supported],
    /// A snapshot that passed its checksum but does not decode.
    #[error("the snapshot is corrupt: {0}")]
    SnapshotCorrupt(reason: String) => "SNAPSHOT_CORRUPT" [],
    /// Run-only users on a flow that is not manually triggered.
    #[error("flow \"{0}\" is not manually triggered; only flows with a manual trigger can have run-only users")]
    RunOnlyRequiresManualTrigger(id: Id) => "RUN_ONLY_REQUIRES_MANUAL_TRIGGER" ["id": id],
    /// A group change asked for by someone who does not own the group.
    #[error("\"{user}\" is not an owner of group \"{group}\"; only its owners manage its members and requests")]
    NotGroupOwner {
        /// The group.
        group: Id,
        /// The person who asked.
        user: Id,
    } => "NOT_GROUP_OWNER" ["groupId": group, "userId": user],
    /// Self-service group management is off for the tenant.
    #[error("self-service group management is turned off in tenant \"{0}\"; an administrator must turn on \"owners can manage group membership requests\" (settings.selfServiceGroupManagement) first")]
    SelfServiceDisabled(id: Id) => "SELF_SERVICE_DISABLED" ["id": id],
    /// An app that is not configured for self-service (or has it turned off).
    #[error("app \"{0}\" is not configured for self-service; an administrator must turn on self-service access with a self-service group (dir.configureSelfService) first")]
    SelfServiceNotConfigured(id: Id) => "SELF_SERVICE_NOT_CONFIGURED" ["id": id],
    /// A self-service group that is not a security group.
    #[error("group \"{0}\" is not a security group (securityEnabled is false); self-service access adds people to a security group with assigned membership")]
    NotASecurityGroup(id: Id) => "NOT_A_SECURITY_GROUP" ["id": id],
    /// An app change or direct link asked for by someone who does not own the app.
    #[error("\"{user}\" is not an owner of app \"{app}\"; only its owners (app.owners) share it")]
    NotAppOwner {
        /// The app.
        app: Id,
        /// The person who asked.
        user: Id,
    } => "NOT_APP_OWNER" ["app": app, "user": user],
    /// Inviting a guest where the tenant's guest invite setting does not let this person.
    #[error("\"{user}\" may not invite guests into tenant \"{tenant}\": its guest invite setting is {setting}")]
    InviteNotAllowed {
        /// The tenant.
        tenant: Id,
        /// The person who tried.
        user: Id,
        /// The setting and what it allows.
        setting: String,
    } => "INVITE_NOT_ALLOWED" ["tenant": tenant, "user": user, "setting": setting],
    /// A guest from another Microsoft cloud named by an address that is not their UPN.
    #[error("\"{user}\" is a guest from another Microsoft cloud: across clouds a guest is invited and signs in by their user principal name (email as sign-in is not supported); use their UPN or object id")]
    UpnRequired {
        /// The guest object (or the address given, when inviting).
        user: Id,
        /// The tenant signed into or inviting.
        tenant: Id,
    } => "UPN_REQUIRED" ["user": user, "tenant": tenant],
    /// A group whose membership is computed by a rule: nobody can be added by hand.
    #[error("group \"{0}\" has dynamic membership (groupTypes contains \"DynamicMembership\"); its members come from its rule, so nobody can be invited or added to it")]
    DynamicGroup(id: Id) => "DYNAMIC_GROUP" ["id": id],
    /// A group synced from on-premises Active Directory: managed there, not here.
    #[error("group \"{0}\" is synced from on-premises (onPremisesSyncEnabled); change its members in on-premises Active Directory")]
    OnPremisesGroup(id: Id) => "ON_PREMISES_GROUP" ["id": id],
    /// Text that is not an email address.
    #[error("\"{email}\" is not an email address: {reason}")]
    InvalidEmail {
        /// What was given.
        email: String,
        /// What is wrong with it.
        reason: String,
    } => "INVALID_EMAIL" ["email": email],
    /// Inviting, as a guest, an address of the tenant's own verified domains.
    #[error("\"{email}\" is in a verified domain of tenant \"{tenant}\" itself; people of the tenant are added as members, not invited as guests")]
    AddressInOwnDomain {
        /// The address.
        email: String,
        /// The tenant.
        tenant: Id,
    } => "ADDRESS_IN_OWN_DOMAIN" ["email": email, "tenantId": tenant],
    /// Self-service on an app without single sign-on.
    #[error("app \"{0}\" has no single sign-on configured (singleSignOn is \"none\"); configure SAML, OpenID Connect, password-based or linked sign-on before self-service")]
    SsoNotConfigured(id: Id) => "SSO_NOT_CONFIGURED" ["id": id],
    /// An app's self-service group that is not assigned to the app.
    #[error("group \"{group}\" is not assigned to app \"{app}\"; assign it to the app before making it the self-service group (and choose another group before unassigning it)")]
    GroupNotAssignedToApp {
        /// The app.
        app: Id,
        /// The self-service group.
        group: Id,
    } => "GROUP_NOT_ASSIGNED_TO_APP" ["appId": app, "groupId": group],
    /// A request to join a group whose join policy is closed.
    #[error("group \"{0}\" is closed to join requests; ask one of its owners to add you")]
    GroupClosed(id: Id) => "GROUP_CLOSED" ["id": id],
    /// Adding someone who already is a direct member of the group.
    #[error("\"{user}\" is already a member of group \"{group}\"")]
    AlreadyMember {
        /// The group.
        group: Id,
        /// The member.
        user: Id,
    } => "ALREADY_MEMBER" ["groupId": group, "userId": user],
    /// A second request to join while the first still waits.
    #[error("join request \"{request}\" for group \"{group}\" is still waiting for an owner; wait for its decision")]
    RequestAlreadyPending {
        /// The waiting request.
        request: Id,
        /// The group.
        group: Id,
    } => "REQUEST_ALREADY_PENDING" ["requestId": request, "groupId": group],
    /// Deciding a join request that was already decided.
    #[error("join request \"{request}\" was already decided ({status}); a decision cannot be changed — the person may ask again")]
    RequestAlreadyDecided {
        /// The request.
        request: Id,
        /// `approved` or `declined`.
        status: &'static str,
    } => "REQUEST_ALREADY_DECIDED" ["requestId": request, "status": status],
    /// Redeeming an invitation that was already redeemed.
    #[error("guest \"{0}\" has already redeemed their invitation (externalUserState is Accepted)")]
    AlreadyRedeemed(id: Id) => "ALREADY_REDEEMED" ["id": id],
    /// A redeem link whose ticket does not hold under the directory's key.
    #[error("this redeem link was not made by this directory: its ticket does not hold (the link was changed, or the directory was loaded from JSON since, which makes a new key); the guest can still redeem by signing in, or invite them again for a new link")]
    InvitationLinkInvalid => "INVITATION_LINK_INVALID" [],
    /// Redeeming an invitation for a member, who was never invited.
    #[error("\"{0}\" is a member of the tenant, not an invited guest; members have no invitation to redeem")]
    NotAGuest(id: Id) => "NOT_A_GUEST" ["id": id],
    /// Removing someone from a group they are not a direct member of.
    #[error("\"{member}\" is not a direct member of group \"{group}\"")]
    NotAMember {
        /// The group.
        group: Id,
        /// The principal named.
        member: Id,
    } => "NOT_A_MEMBER" ["groupId": group, "memberId": member],
    /// A flow action guestpass does not know.
    #[error("unknown action \"{action}\"; expected one of {expected}")]
    UnknownAction {
        /// What was given.
        action: String,
        /// The valid actions, comma-separated.
        expected: &'static str,
    } => "UNKNOWN_ACTION" ["action": action, "expected": expected],
    /// A principal (user or group) that does not exist in the tenant.
    #[error("no user or group \"{principal}\" in tenant \"{tenant}\" (looked up by group id, and by user object id, userPrincipalName and mail)")]
    UnknownPrincipal {
        /// What was given.
        principal: String,
        /// The tenant searched.
        tenant: Id,
    } => "UNKNOWN_PRINCIPAL" ["principal": principal, "tenantId": tenant],
    /// Removing a flow's creator, or giving them another role.
    #[error("\"{creator}\" created flow \"{flow}\" and is always its owner; nobody can remove the creator or give them another role")]
    CannotRemoveCreator {
        /// The flow.
        flow: Id,
        /// Its creator.
        creator: Id,
    } => "CANNOT_REMOVE_CREATOR" ["flowId": flow, "creator": creator],
    /// Changing a flow's sharing without being its owner or a co-owner who may use flows.
    #[error("\"{user}\" may not change who flow \"{flow}\" is shared with ({reason}); only its owner and co-owners may")]
    NotAllowedToShare {
        /// The flow.
        flow: Id,
        /// Who tried.
        user: Id,
        /// The decision code that said no (`NO_ROLE`, `RUN_ONLY_CANNOT_SHARE`, `NO_LICENSE`, …).
        reason: &'static str,
    } => "NOT_ALLOWED_TO_SHARE" ["flowId": flow, "userId": user, "reason": reason],
    /// Removing a share that does not exist.
    #[error("\"{principal}\" has no share of their own on flow \"{flow}\", so there is nothing to remove; if they reach it through a group, unshare the group or take them out of it")]
    NotShared {
        /// The flow.
        flow: Id,
        /// The principal named.
        principal: Id,
    } => "NOT_SHARED" ["flowId": flow, "principal": principal],
    /// A people-search query over the length limit.
    #[error("the query has {chars} characters; at most {limit} are searched, shorten it")]
    QueryTooLong {
        /// Characters in the query.
        chars: usize,
        /// The limit.
        limit: usize,
    } => "QUERY_TOO_LONG" ["chars": chars, "limit": limit],
    /// A time that is not RFC 3339 text.
    #[error("{field}: \"{value}\" is not an RFC 3339 time; write it like \"2026-11-23T10:00:00Z\" (a UTC offset such as +01:00 may replace the Z)")]
    InvalidTime {
        /// Where the time was given.
        field: String,
        /// What was given.
        value: String,
    } => "INVALID_TIME" ["field": field, "value": value],
    /// Approvals asked of a person without a license that counts.
    #[error("\"{0}\" has no license that counts here (an Office 365 plan or a plan with Power Automate, in this tenant or a guest's home tenant), so approvals are not available to them; session.features().approvals says the same")]
    ApprovalsNeedLicense(id: Id) => "NO_LICENSE" ["id": id],
    /// Approvals asked of a person who has not consented to Power Automate, a prerequisite
    /// of every Power Automate capability, approvals included.
    #[error("approvals are not available to \"{user}\": {reason}; session.features().approvals says the same")]
    ApprovalsNeedConsent {
        /// The signed-in user.
        user: Id,
        /// What is missing, in words (`b2b::Missing::NoConsent`'s message).
        reason: &'static str,
    } => "NO_CONSENT" ["id": user],
    /// Approvals asked of a guest whose home tenant is not known where the answer depends
    /// on it (`homeFacts.tenantId` settles it).
    #[error("approvals are not available to \"{user}\" yet: {reason}; session.features().approvals says the same")]
    ApprovalsHomeTenantUnknown {
        /// The signed-in user.
        user: Id,
        /// What is not known and how to settle it (`b2b::Unknown`'s message).
        reason: &'static str,
    } => "HOME_TENANT_UNKNOWN" ["id": user],
    /// Approvals asked of a guest whose home tenant's outbound settings are not known
    /// (`homeFacts.outboundAllowed` settles it).
    #[error("approvals are not available to \"{user}\" yet: {reason}; session.features().approvals says the same")]
    ApprovalsHomeOutboundUnknown {
        /// The signed-in user.
        user: Id,
        /// What is not known and how to settle it (`b2b::Unknown`'s message).
        reason: &'static str,
    } => "HOME_OUTBOUND_UNKNOWN" ["id": user],
    /// Approvals asked of a guest whom a cross-tenant rule covering only some users, groups
    /// or applications may or may not let in (`homeFacts.targetedRulesAllow` settles it).
    #[error("approvals are not available to \"{user}\" yet: {reason}; session.features().approvals says the same")]
    ApprovalsTargetedRuleUnknown {
        /// The signed-in user.
        user: Id,
        /// What is not known and how to settle it (`b2b::Unknown`'s message).
        reason: &'static str,
    } => "TARGETED_RULE_UNKNOWN" ["id": user],
    /// Approvals asked of a guest with no licence that counts here whose home licences are
    /// not known (`homeFacts.licensed` settles it).
    #[error("approvals are not available to \"{user}\" yet: {reason}; session.features().approvals says the same")]
    ApprovalsHomeLicenseUnknown {
        /// The signed-in user.
        user: Id,
        /// What is not known and how to settle it (`b2b::Unknown`'s message).
        reason: &'static str,
    } => "HOME_LICENSE_UNKNOWN" ["id": user],
    /// Responding to or reassigning an approval one is not an approver of.
    #[error("you are not an approver of approval \"{0}\": only its approvers (named, or members of a group named, nested groups counting) may respond or reassign")]
    NotAnApprover(id: Id) => "NOT_AN_APPROVER" ["id": id],
    /// A second response from the same person, or for an approver already answered.
    #[error("approval \"{approval}\" already has the response of \"{approver}\"; an approver responds once")]
    AlreadyResponded {
        /// The approval.
        approval: Id,
        /// The approver (the person, or the group they belong to) already answered.
        approver: Id,
    } => "ALREADY_RESPONDED" ["id": approval, "approver": approver],
    /// A response that is not one of the approval's options.
    #[error("\"{response}\" is not a response option of approval \"{approval}\"; choose one of: {}", .options.join(", "))]
    InvalidResponse {
        /// The approval.
        approval: Id,
        /// What was given.
        response: String,
        /// The approval's response options.
        options: Vec<String>,
    } => "INVALID_RESPONSE" ["id": approval, "response": response, "options": options],
    /// Acting on an approval that is already completed.
    #[error("approval \"{0}\" is already completed; it takes no more responses, reassignments or cancellation")]
    ApprovalCompleted(id: Id) => "APPROVAL_COMPLETED" ["id": id],
    /// Acting on an approval its requester canceled.
    #[error("approval \"{0}\" was canceled by its requester; it takes no more responses or reassignments")]
    ApprovalCanceled(id: Id) => "APPROVAL_CANCELED" ["id": id],
    /// Acting on an approval left pending too long.
    #[error("approval \"{0}\" expired (it was left pending 30 days, when its flow run timed out); ask the requester to send a new one")]
    ApprovalExpired(id: Id) => "APPROVAL_EXPIRED" ["id": id],
    /// Canceling an approval one did not request.
    #[error("only the requester of approval \"{0}\" may cancel it")]
    NotTheRequester(id: Id) => "NOT_THE_REQUESTER" ["id": id],
    /// Reassigning to someone who is already an approver or has responded.
    #[error("\"{user}\" is already an approver of approval \"{approval}\" (or has responded to it); reassign to someone else")]
    AlreadyAnApprover {
        /// The approval.
        approval: Id,
        /// The user it was to be reassigned to.
        user: Id,
    } => "ALREADY_AN_APPROVER" ["id": approval, "user": user],
}

impl Error {
    /// Structured details for programs: the ids and fields the message mentions.
    pub fn details(&self) -> Vec<(&'static str, String)> {
        self.detail_values()
            .into_iter()
            .filter_map(|(key, value)| Some((key, value?)))
            .collect()
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

    /// The codes the package's `GuestPassErrorCode` union names before its
    /// "the TypeScript layer" comment (those after it are thrown by the TypeScript
    /// code, not by Rust).
    fn package_union_rust_codes() -> (Vec<String>, Vec<String>) {
        let ts = include_str!("../pkg-template/errors.ts");
        let start = ts
            .find("export type GuestPassErrorCode =")
            .expect("errors.ts declares GuestPassErrorCode");
        let union = &ts[start..];
        let union = &union[..union.find(';').expect("the union ends with ;")];
        let (rust, typescript) = union
            .split_once("// the TypeScript layer")
            .expect("errors.ts marks the codes of the TypeScript layer");
        let quoted = |text: &str| -> Vec<String> {
            text.split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        };
        (quoted(rust), quoted(typescript))
    }

    #[test]
    fn every_variant_has_its_code() {
        let all = Error::one_of_each();
        assert_eq!(all.len(), Error::CODES.len());
        for (err, code) in all.iter().zip(Error::CODES) {
            assert_eq!(err.code(), *code, "{err:?}");
            assert!(
                code.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
                "{code} is not SCREAMING_SNAKE_CASE"
            );
            assert!(!err.to_string().is_empty(), "{code} has no message");
            for (key, _) in err.details() {
                assert!(
                    key.chars().all(|c| c.is_ascii_alphanumeric())
                        && key.starts_with(|c: char| c.is_ascii_lowercase()),
                    "{code}: detail key {key} is not camelCase"
                );
            }
        }
        let mut unique = Error::CODES.to_vec();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), Error::CODES.len(), "a code is used twice");
    }

    #[test]
    fn the_package_union_names_exactly_the_rust_codes() {
        let (rust, typescript) = package_union_rust_codes();
        let mut listed = rust.clone();
        listed.sort_unstable();
        let mut ours: Vec<String> = Error::CODES.iter().map(|c| c.to_string()).collect();
        ours.sort_unstable();
        assert_eq!(listed, ours, "pkg-template/errors.ts GuestPassErrorCode");
        for code in &typescript {
            assert!(
                !Error::CODES.contains(&code.as_str()),
                "{code} is listed as a TypeScript-layer code but Rust throws it"
            );
        }
    }

    #[test]
    fn the_package_readme_explains_every_code() {
        let readme = include_str!("../pkg-template/README.md");
        for code in Error::CODES {
            assert!(
                readme.contains(&format!("`{code}`")),
                "pkg-template/README.md's table of errors does not name {code}"
            );
        }
    }

    #[test]
    fn details_name_the_fields_the_message_mentions() {
        let err = Error::NotAppOwner {
            app: "a".into(),
            user: "u".into(),
        };
        assert_eq!(
            err.details(),
            vec![("app", "a".to_string()), ("user", "u".to_string())]
        );
        let err = Error::InvalidResponse {
            approval: "a".into(),
            response: "Maybe".into(),
            options: vec!["Approve".into(), "Reject".into()],
        };
        assert_eq!(
            err.details(),
            vec![
                ("id", "a".to_string()),
                ("response", "Maybe".to_string()),
                ("options", r#"["Approve","Reject"]"#.to_string()),
            ]
        );
        assert_eq!(Error::invalid_input("x").details(), vec![]);
        assert_eq!(Error::SnapshotCorrupt("x".into()).details(), vec![]);
        let err = Error::SnapshotTruncated {
            expected: 9,
            actual: 3,
        };
        assert_eq!(
            err.details(),
            vec![("expected", "9".to_string()), ("actual", "3".to_string())]
        );
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

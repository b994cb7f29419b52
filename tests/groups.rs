//! Self-service groups: the story an administrator and an app owner live, and every
//! refusal along the way with its code and an unchanged directory.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use guestpass::clouds::Offering;
use guestpass::directory::Directory;
use guestpass::groups::{
    self, AppAccess, Assignment, InvitationRequest, InvitationStatus, JoinBox, JoinOutcome,
    SelfServiceConfig,
};
use guestpass::model::{
    ExternalUserState, Group, JoinPolicy, JoinRequestStatus, SingleSignOn, UserType,
};
use guestpass::session::Session;

fn world_json() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/groups.json"
    ))
    .expect("fixture")
}

/// The groups fixture, self-service group management still off in contoso.
fn fixture() -> Directory {
    Directory::from_json_str(&world_json()).expect("fixture is valid")
}

/// The fixture with self-service group management turned on in contoso.
fn enabled() -> Directory {
    let mut dir = fixture();
    groups::set_self_service_group_management(&mut dir, "contoso", true).unwrap();
    dir
}

/// Runs a call that must be refused; returns its code after checking that the
/// directory did not change.
fn refused<T: std::fmt::Debug>(
    dir: &mut Directory,
    call: impl FnOnce(&mut Directory) -> guestpass::Result<T>,
) -> &'static str {
    let before = dir.to_json_string().unwrap();
    let code = common::code(call(dir));
    assert_eq!(
        dir.to_json_string().unwrap(),
        before,
        "a refused call ({code}) changed the directory"
    );
    code
}

fn invite(email: &str) -> InvitationRequest {
    InvitationRequest {
        email: email.into(),
        ..Default::default()
    }
}

fn sign_in(dir: &Directory, user: &str) -> Session {
    dir.sign_in("contoso", user).unwrap()
}

fn members(dir: &Directory, group: &str) -> Vec<String> {
    dir.group(group).unwrap().members.clone()
}

fn app_ids(apps: &[AppAccess]) -> Vec<&str> {
    apps.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn an_admin_and_an_app_owner_share_an_app_with_a_guest_through_a_self_service_group() {
    let mut dir = fixture();

    // The administrator turns on "owners can manage group membership requests".
    groups::set_self_service_group_management(&mut dir, "contoso", true).unwrap();
    assert!(
        dir.tenant("contoso")
            .unwrap()
            .settings
            .self_service_group_management
    );

    // ... creates a security group with assigned membership ...
    dir.upsert_group(Group {
        id: "payroll-users".into(),
        tenant_id: "contoso".into(),
        display_name: "Payroll users".into(),
        description: Some("People who use Payroll, guests included".into()),
        security_enabled: true,
        mail_enabled: false,
        group_types: vec![],
        on_premises_sync_enabled: false,
        join_policy: JoinPolicy::OwnerApproval,
        owners: vec![],
        members: vec![],
    })
    .unwrap();

    // ... makes Bob its owner ...
    let mut group = dir.group("payroll-users").unwrap().clone();
    group.owners.push("bob".into());
    dir.upsert_group(group).unwrap();

    // ... configures Payroll for self-service: it needs single sign-on first ...
    let config = SelfServiceConfig {
        group_id: "payroll-users".into(),
        require_approval: true,
    };
    assert_eq!(
        refused(&mut dir, |d| groups::configure_self_service(
            d, "payroll", &config
        )),
        "SSO_NOT_CONFIGURED"
    );
    let mut payroll = dir.app("payroll").unwrap().clone();
    payroll.single_sign_on = SingleSignOn::Saml;
    dir.upsert_app(payroll).unwrap();
    // ... and the group assigned to the app.
    assert_eq!(
        refused(&mut dir, |d| groups::configure_self_service(
            d, "payroll", &config
        )),
        "GROUP_NOT_ASSIGNED_TO_APP"
    );
    groups::assign_to_app(&mut dir, "payroll", "payroll-users").unwrap();
    let payroll = groups::configure_self_service(&mut dir, "payroll", &config).unwrap();
    let settings = payroll.self_service.unwrap();
    assert!(settings.enabled && settings.require_approval);
    assert_eq!(settings.group_id.as_deref(), Some("payroll-users"));
    assert_eq!(dir.app("payroll").unwrap().assignments, ["payroll-users"]);

    // Bob, the group's owner, invites Alice of Fabrikam by email with a welcome message.
    let bob = sign_in(&dir, "bob@contoso.com");
    let users_before = dir.stats().users;
    let invitation = bob
        .invite_to_group(
            &mut dir,
            "payroll-users",
            &InvitationRequest {
                email: "Alice@Fabrikam.com".into(),
                display_name: Some("Alice Martin (Fabrikam)".into()),
                message: Some("Welcome to Payroll, Alice! Your link is below.".into()),
            },
        )
        .unwrap();
    assert_eq!(invitation.status, InvitationStatus::PendingAcceptance);
    assert_eq!(invitation.invited_user_email_address, "Alice@Fabrikam.com");
    assert_eq!(
        invitation.invited_user_display_name,
        "Alice Martin (Fabrikam)"
    );
    assert_eq!(
        invitation
            .invited_user_message_info
            .customized_message_body
            .as_deref(),
        Some("Welcome to Payroll, Alice! Your link is below.")
    );
    let guest_id = invitation.invited_user.id.clone();
    assert_eq!(guest_id, "alice-fabrikam-com-at-contoso");
    // Microsoft's shape, with a ticket under the directory's key (Graph "Create invitation").
    let url = invitation.invite_redeem_url.clone().unwrap();
    let target = groups::parse_redeem_url(&url).unwrap();
    assert!(url.starts_with("https://login.microsoftonline.com/redeem?rd=https%3A%2F%2Finvitations.microsoft.com%2Fredeem%2F%3Ftenant%3Dcontoso%26user%3Dalice-fabrikam-com-at-contoso%26ticket%3D"));
    assert_eq!(
        (target.tenant_id.as_str(), target.user_id.as_str()),
        ("contoso", "alice-fabrikam-com-at-contoso")
    );
    assert_eq!(target.ticket.len(), 32);
    assert_eq!(
        invitation.invite_redirect_url,
        "https://myapps.microsoft.com/?tenantId=contoso"
    );

    // The guest account is what Graph's invitation manager creates, and in the group.
    assert_eq!(dir.stats().users, users_before + 1);
    let guest = dir.user(&guest_id).unwrap();
    assert_eq!(guest.tenant_id, "contoso");
    assert_eq!(guest.user_type, UserType::Guest);
    assert_eq!(
        guest.external_user_state,
        Some(ExternalUserState::PendingAcceptance)
    );
    assert_eq!(guest.creation_type.as_deref(), Some("Invitation"));
    assert_eq!(
        guest.user_principal_name,
        "Alice_Fabrikam.com#EXT#@contoso.onmicrosoft.com"
    );
    assert_eq!(guest.mail.as_deref(), Some("Alice@Fabrikam.com"));
    assert_eq!(guest.home_tenant_id.as_deref(), Some("fabrikam"));
    assert_eq!(guest.home_user_id.as_deref(), Some("alice"));
    assert_eq!(members(&dir, "payroll-users"), [guest_id.as_str()]);

    // Until she redeems, she cannot sign in.
    assert_eq!(
        common::code(dir.sign_in("contoso", "alice@fabrikam.com")),
        "INVITATION_PENDING"
    );

    // She follows the redeem link ...
    let redeemed = groups::redeem_by_link(&mut dir, &url).unwrap();
    assert_eq!(
        redeemed.external_user_state,
        Some(ExternalUserState::Accepted)
    );

    // ... signs in to Contoso with her own address, and sees Payroll with its link.
    let alice = sign_in(&dir, "alice@fabrikam.com");
    assert_eq!(alice.user_id(), guest_id);
    assert_eq!(
        alice.my_apps(&dir).unwrap(),
        [AppAccess {
            id: "payroll".into(),
            display_name: "Payroll".into(),
            single_sign_on: SingleSignOn::Saml,
            assignment: Assignment::Group,
            via: vec!["payroll-users".into()],
            link: "https://myapps.microsoft.com/signin/payroll?tenantId=contoso".into(),
        }]
    );

    // Bob takes her out of the group: Payroll leaves her list.
    bob.remove_from_group(&mut dir, "payroll-users", &guest_id)
        .unwrap();
    assert!(alice.my_apps(&dir).unwrap().is_empty());
    // The world still round-trips with the new guest and the configured app.
    let again = Directory::from_json_str(&dir.to_json_string().unwrap()).unwrap();
    assert_eq!(again.to_world(), dir.to_world());
}

// --- Configuring self-service ---------------------------------------------------------

#[test]
fn every_stored_app_with_self_service_on_has_single_sign_on_and_its_group_assigned() {
    // The shared sample world is consistent.
    let _ = common::directory();
    let base = world_json();
    let replace_payroll = |with: &str| {
        base.replacen(
            r#"{ "id": "payroll", "tenantId": "contoso", "displayName": "Payroll", "singleSignOn": "none" }"#,
            with,
            1,
        )
    };
    for (app, code) in [
        (
            r#"{ "id": "payroll", "tenantId": "contoso", "displayName": "Payroll",
                 "selfService": { "enabled": true, "groupId": "design-review" },
                 "assignments": ["design-review"] }"#,
            "SSO_NOT_CONFIGURED",
        ),
        (
            r#"{ "id": "payroll", "tenantId": "contoso", "displayName": "Payroll",
                 "singleSignOn": "saml",
                 "selfService": { "enabled": true, "groupId": "design-review" } }"#,
            "GROUP_NOT_ASSIGNED_TO_APP",
        ),
        (
            r#"{ "id": "payroll", "tenantId": "contoso", "displayName": "Payroll",
                 "singleSignOn": "saml", "selfService": { "enabled": true } }"#,
            "INVALID_VALUE",
        ),
    ] {
        let json = replace_payroll(app);
        assert_ne!(json, base);
        assert_eq!(common::code(Directory::from_json_str(&json)), code, "{app}");
    }
    // Self-service that is off constrains nothing.
    let off = replace_payroll(
        r#"{ "id": "payroll", "tenantId": "contoso", "displayName": "Payroll",
             "selfService": { "enabled": false, "groupId": "design-review" } }"#,
    );
    assert!(Directory::from_json_str(&off).is_ok());
}

fn configured() -> Directory {
    let mut dir = enabled();
    let mut payroll = dir.app("payroll").unwrap().clone();
    payroll.single_sign_on = SingleSignOn::Saml;
    payroll.assignments = vec!["design-review".into(), "all-staff".into()];
    dir.upsert_app(payroll).unwrap();
    let config = SelfServiceConfig {
        group_id: "design-review".into(),
        require_approval: false,
    };
    groups::configure_self_service(&mut dir, "payroll", &config).unwrap();
    dir
}

#[test]
fn a_configured_app_keeps_its_single_sign_on_and_group_until_self_service_is_off() {
    let mut dir = configured();
    assert_eq!(
        refused(&mut dir, |d| groups::unassign_from_app(
            d,
            "payroll",
            "design-review"
        )),
        "GROUP_NOT_ASSIGNED_TO_APP"
    );
    let mut no_sso = dir.app("payroll").unwrap().clone();
    no_sso.single_sign_on = SingleSignOn::None;
    assert_eq!(
        refused(&mut dir, |d| d.upsert_app(no_sso)),
        "SSO_NOT_CONFIGURED"
    );
    assert_eq!(
        refused(&mut dir, |d| d.remove_group("design-review")),
        "IN_USE"
    );

    groups::disable_self_service(&mut dir, "payroll").unwrap();
    let app = groups::unassign_from_app(&mut dir, "payroll", "design-review").unwrap();
    assert_eq!(app.assignments, ["all-staff"]);
    // Unassigning again, or assigning twice, changes nothing.
    let version = dir.version();
    groups::unassign_from_app(&mut dir, "payroll", "design-review").unwrap();
    groups::assign_to_app(&mut dir, "payroll", "all-staff").unwrap();
    assert_eq!(dir.version(), version);
}

#[test]
fn self_service_groups_take_members_by_hand_and_live_in_the_apps_tenant() {
    let mut dir = configured();
    let config = |group: &str| SelfServiceConfig {
        group_id: group.into(),
        require_approval: false,
    };
    assert_eq!(
        refused(&mut dir, |d| groups::configure_self_service(
            d,
            "payroll",
            &config("all-staff")
        )),
        "DYNAMIC_GROUP"
    );
    groups::assign_to_app(&mut dir, "payroll", "legacy-finance").unwrap();
    assert_eq!(
        refused(&mut dir, |d| groups::configure_self_service(
            d,
            "payroll",
            &config("legacy-finance")
        )),
        "ON_PREMISES_GROUP"
    );
    assert_eq!(
        refused(&mut dir, |d| groups::configure_self_service(
            d,
            "payroll",
            &config("fabrikam-team")
        )),
        "CROSS_TENANT_REFERENCE"
    );
    assert_eq!(
        refused(&mut dir, |d| groups::configure_self_service(
            d,
            "payroll",
            &config("nope")
        )),
        "UNKNOWN_GROUP"
    );
    assert_eq!(
        refused(&mut dir, |d| groups::configure_self_service(
            d,
            "nope",
            &config("design-review")
        )),
        "UNKNOWN_APP"
    );
    assert_eq!(
        refused(&mut dir, |d| groups::assign_to_app(d, "payroll", "alice")),
        "CROSS_TENANT_REFERENCE"
    );
    assert_eq!(
        refused(&mut dir, |d| groups::set_self_service_group_management(
            d, "nope", true
        )),
        "UNKNOWN_TENANT"
    );
}

// --- Inviting -------------------------------------------------------------------------

#[test]
fn only_an_owner_invites_and_only_with_self_service_on() {
    let mut dir = fixture();
    let bob = sign_in(&dir, "bob");
    assert_eq!(
        refused(&mut dir, |d| bob.invite_to_group(
            d,
            "design-review",
            &invite("eve@northwind.com")
        )),
        "SELF_SERVICE_DISABLED"
    );
    groups::set_self_service_group_management(&mut dir, "contoso", true).unwrap();
    let priya = sign_in(&dir, "priya");
    assert_eq!(
        refused(&mut dir, |d| priya.invite_to_group(
            d,
            "design-review",
            &invite("eve@northwind.com")
        )),
        "NOT_GROUP_OWNER"
    );
    // A group of another tenant is unknown here; so is a group that does not exist.
    for group in ["fabrikam-team", "nope"] {
        assert_eq!(
            refused(&mut dir, |d| bob.invite_to_group(
                d,
                group,
                &invite("eve@northwind.com")
            )),
            "UNKNOWN_GROUP"
        );
    }
    // A removed owner's session ends.
    let omar = sign_in(&dir, "omar");
    let mut group = dir.group("design-review").unwrap().clone();
    group.owners.push("omar".into());
    dir.upsert_group(group).unwrap();
    dir.remove_user("omar").unwrap();
    assert_eq!(
        refused(&mut dir, |d| omar.invite_to_group(
            d,
            "design-review",
            &invite("eve@northwind.com")
        )),
        "SESSION_ENDED"
    );
}

#[test]
fn guests_never_join_dynamic_or_on_premises_groups() {
    let mut dir = enabled();
    let bob = sign_in(&dir, "bob");
    for (group, code) in [
        ("all-staff", "DYNAMIC_GROUP"),
        ("legacy-finance", "ON_PREMISES_GROUP"),
    ] {
        assert_eq!(
            refused(&mut dir, |d| bob.invite_to_group(
                d,
                group,
                &invite("eve@northwind.com")
            )),
            code
        );
    }
}

#[test]
fn an_address_that_is_not_an_email_address_is_invalid_email() {
    let mut dir = enabled();
    let bob = sign_in(&dir, "bob");
    for bad in [
        "",
        "eve",
        "eve@",
        "@northwind.com",
        "eve@northwind",
        "eve@@northwind.com",
        "eve smith@northwind.com",
        "eve@north..wind.com",
        "eve@[10.0.0.1]",
    ] {
        assert_eq!(
            refused(&mut dir, |d| bob.invite_to_group(
                d,
                "design-review",
                &invite(bad)
            )),
            "INVALID_EMAIL",
            "{bad:?}"
        );
    }
}

#[test]
fn a_display_name_or_message_over_its_limit_is_refused() {
    let mut dir = enabled();
    let bob = sign_in(&dir, "bob");
    let long_name = InvitationRequest {
        display_name: Some("n".repeat(guestpass::limits::MAX_TEXT_CHARS + 1)),
        ..invite("eve@northwind.com")
    };
    let long_message = InvitationRequest {
        message: Some("m".repeat(guestpass::limits::MAX_LONG_TEXT_CHARS + 1)),
        ..invite("eve@northwind.com")
    };
    for request in [long_name, long_message] {
        assert_eq!(
            refused(&mut dir, |d| bob.invite_to_group(
                d,
                "design-review",
                &request
            )),
            "LIMIT_EXCEEDED"
        );
    }
    // At the limit is fine; a blank name means the address's local part.
    let at_limit = InvitationRequest {
        display_name: Some("  ".into()),
        message: Some("m".repeat(guestpass::limits::MAX_LONG_TEXT_CHARS)),
        ..invite("eve@northwind.com")
    };
    let invitation = bob
        .invite_to_group(&mut dir, "design-review", &at_limit)
        .unwrap();
    assert_eq!(invitation.invited_user_display_name, "eve");
}

#[test]
fn an_address_of_a_tenant_that_may_not_collaborate_is_refused() {
    let mut dir = enabled();
    let bob = sign_in(&dir, "bob");
    // Contoso blocks Tailspin inbound; Woodgrove blocks everyone outbound.
    for (address, blocker) in [
        ("tom@tailspin.us", "INBOUND_BLOCKED"),
        ("new.person@TAILSPIN.US", "INBOUND_BLOCKED"),
        ("someone@woodgrove.onmicrosoft.com", "OUTBOUND_BLOCKED"),
    ] {
        let before = dir.to_json_string().unwrap();
        let err = bob
            .invite_to_group(&mut dir, "design-review", &invite(address))
            .unwrap_err();
        assert_eq!(err.code(), "COLLABORATION_BLOCKED", "{address}");
        assert!(err.to_string().contains(blocker), "{err}");
        assert_eq!(dir.to_json_string().unwrap(), before);
    }
    // An address of the tenant's own domain is a member to add, not a guest to invite.
    assert_eq!(
        refused(&mut dir, |d| bob.invite_to_group(
            d,
            "design-review",
            &invite("newcomer@contoso.com")
        )),
        "ADDRESS_IN_OWN_DOMAIN"
    );
}

#[test]
fn an_address_outside_the_world_becomes_a_guest_without_a_home_tenant() {
    let mut dir = enabled();
    let bob = sign_in(&dir, "bob");
    let invitation = bob
        .invite_to_group(&mut dir, "design-review", &invite("gina@gmail.com"))
        .unwrap();
    let guest = dir.user(&invitation.invited_user.id).unwrap();
    assert_eq!(guest.id, "gina-gmail-com-at-contoso");
    assert_eq!(
        guest.user_principal_name,
        "gina_gmail.com#EXT#@contoso.onmicrosoft.com"
    );
    assert_eq!(guest.home_tenant_id, None);
    assert_eq!(guest.home_user_id, None);
    assert!(invitation
        .invited_user_message_info
        .customized_message_body
        .is_none());
    // A Fabrikam address with no Fabrikam account still names Fabrikam as home.
    let invitation = bob
        .invite_to_group(&mut dir, "design-review", &invite("zoe@fabrikam.com"))
        .unwrap();
    let guest = dir.user(&invitation.invited_user.id).unwrap();
    assert_eq!(guest.home_tenant_id.as_deref(), Some("fabrikam"));
    assert_eq!(guest.home_user_id, None);
}

#[test]
fn new_guest_ids_are_deterministic_and_unique() {
    let mut dir = enabled();
    // Something already has the id the address would get.
    let mut taken = dir.group("board").unwrap().clone();
    taken.id = "eve-northwind-com-at-contoso".into();
    taken.members.clear();
    dir.upsert_group(taken).unwrap();
    let bob = sign_in(&dir, "bob");
    let invitation = bob
        .invite_to_group(&mut dir, "design-review", &invite("eve@northwind.com"))
        .unwrap();
    assert_eq!(invitation.invited_user.id, "eve-northwind-com-at-contoso-2");
    // The same calls on the same directory give the same ids.
    let mut twin = enabled();
    let mut taken = twin.group("board").unwrap().clone();
    taken.id = "eve-northwind-com-at-contoso".into();
    taken.members.clear();
    twin.upsert_group(taken).unwrap();
    bob.invite_to_group(&mut twin, "design-review", &invite("eve@northwind.com"))
        .unwrap();
    assert_eq!(
        twin.to_json_string().unwrap(),
        dir.to_json_string().unwrap()
    );
}

#[test]
fn an_account_already_in_the_tenant_is_added_not_created() {
    let mut dir = enabled();
    let bob = sign_in(&dir, "bob");
    let users = dir.stats().users;

    // A member, by address in any case: added at once.
    let invitation = bob
        .invite_to_group(&mut dir, "design-review", &invite("PRIYA@contoso.com"))
        .unwrap();
    assert_eq!(invitation.invited_user.id, "priya");
    assert_eq!(invitation.status, InvitationStatus::Completed);
    assert_eq!(invitation.invited_user_type, UserType::Member);
    assert_eq!(invitation.invited_user_display_name, "Priya Raman");
    assert!(invitation.invite_redeem_url.is_none());

    // A guest who redeemed: added at once.
    let invitation = bob
        .invite_to_group(&mut dir, "design-review", &invite("carol@fabrikam.com"))
        .unwrap();
    assert_eq!(invitation.invited_user.id, "carol-at-contoso");
    assert_eq!(invitation.status, InvitationStatus::Completed);

    // A guest still pending: added, and the invitation still waits for her.
    let invitation = bob
        .invite_to_group(&mut dir, "design-review", &invite("dan@fabrikam.com"))
        .unwrap();
    assert_eq!(invitation.invited_user.id, "dan-pending");
    assert_eq!(invitation.status, InvitationStatus::PendingAcceptance);
    assert!(invitation.invite_redeem_url.is_some());

    assert_eq!(dir.stats().users, users);
    assert_eq!(
        members(&dir, "design-review"),
        ["priya", "carol-at-contoso", "dan-pending"]
    );

    // Already a direct member: refused, nothing changed.
    assert_eq!(
        refused(&mut dir, |d| bob.invite_to_group(
            d,
            "design-review",
            &invite("priya@contoso.com")
        )),
        "ALREADY_MEMBER"
    );
}

#[test]
fn inviting_a_new_address_twice_finds_the_guest_created_the_first_time() {
    let mut dir = enabled();
    let bob = sign_in(&dir, "bob");
    let first = bob
        .invite_to_group(&mut dir, "design-review", &invite("eve@northwind.com"))
        .unwrap();
    assert_eq!(
        refused(&mut dir, |d| bob.invite_to_group(
            d,
            "design-review",
            &invite("EVE@northwind.com")
        )),
        "ALREADY_MEMBER"
    );
    // Into another group: the same guest, still pending.
    let mut engineering = dir.group("engineering").unwrap().clone();
    engineering.members.clear();
    dir.upsert_group(engineering).unwrap();
    let second = bob
        .invite_to_group(&mut dir, "engineering", &invite("eve@northwind.com"))
        .unwrap();
    assert_eq!(second.invited_user.id, first.invited_user.id);
    assert_eq!(second.status, InvitationStatus::PendingAcceptance);
    assert_eq!(second.invite_redeem_url, first.invite_redeem_url);
}

// --- Redeeming ------------------------------------------------------------------------

#[test]
fn redeeming_accepts_once_and_only_for_guests() {
    let mut dir = enabled();
    assert_eq!(
        refused(&mut dir, |d| groups::redeem_invitation(d, "contoso", "bob")),
        "NOT_A_GUEST"
    );
    assert_eq!(
        refused(&mut dir, |d| groups::redeem_invitation(
            d,
            "contoso",
            "carol@fabrikam.com"
        )),
        "ALREADY_REDEEMED"
    );
    assert_eq!(
        refused(&mut dir, |d| groups::redeem_invitation(
            d,
            "contoso",
            "nobody@fabrikam.com"
        )),
        "USER_NOT_FOUND"
    );
    assert_eq!(
        refused(&mut dir, |d| groups::redeem_invitation(d, "nope", "bob")),
        "UNKNOWN_TENANT"
    );
    // Dan redeems with his address; a Fabrikam account for him now exists and is linked.
    let mut dan = dir.user("alice").unwrap().clone();
    dan.id = "dan".into();
    dan.display_name = "Dan".into();
    dan.mail = Some("dan@fabrikam.com".into());
    dan.user_principal_name = "dan@fabrikam.com".into();
    dir.upsert_user(dan).unwrap();
    let redeemed = groups::redeem_invitation(&mut dir, "contoso", "dan@fabrikam.com").unwrap();
    assert_eq!(redeemed.id, "dan-pending");
    assert_eq!(redeemed.home_user_id.as_deref(), Some("dan"));
    assert!(dir.sign_in("contoso", "dan@fabrikam.com").is_ok());
    assert_eq!(
        refused(&mut dir, |d| groups::redeem_invitation(
            d,
            "contoso",
            "dan-pending"
        )),
        "ALREADY_REDEEMED"
    );
}

#[test]
fn redeeming_is_refused_when_the_tenants_may_not_collaborate() {
    let mut dir = enabled();
    let mut pending = dir.user("dan-pending").unwrap().clone();
    pending.id = "tom-pending".into();
    pending.mail = Some("tom@tailspin.us".into());
    pending.user_principal_name = "tom_tailspin.us#EXT#@contoso.onmicrosoft.com".into();
    pending.home_tenant_id = Some("tailspin".into());
    dir.upsert_user(pending).unwrap();
    assert_eq!(
        refused(&mut dir, |d| groups::redeem_invitation(
            d,
            "contoso",
            "tom-pending"
        )),
        "COLLABORATION_BLOCKED"
    );
}

#[test]
fn a_redeem_link_not_made_here_is_invalid() {
    let mut dir = enabled();
    for bad in [
        "https://example.com/redeem?tenantId=contoso&userId=dan-pending",
        "https://login.microsoftonline.com/redeem?userId=dan-pending",
        "https://login.microsoftonline.com/redeem?tenantId=contoso&userId=dan-pending",
    ] {
        assert_eq!(common::code(groups::parse_redeem_url(bad)), "INVALID_VALUE");
        assert_eq!(
            refused(&mut dir, |d| groups::redeem_by_link(d, bad)),
            "INVALID_VALUE"
        );
    }
}

/// Issue 16.6: knowing a pending guest's ids is not enough to redeem their invitation.
// Microsoft Graph "Create invitation": the inviteRedeemUrl carries a ticket.
#[test]
fn a_redeem_link_cannot_be_guessed_from_ids() {
    let mut dir = enabled();
    let bob = sign_in(&dir, "bob");
    let invitation = bob
        .invite_to_group(&mut dir, "design-review", &invite("eve@northwind.com"))
        .unwrap();
    let url = invitation.invite_redeem_url.unwrap();
    let guest = invitation.invited_user.id;
    // The same ids with a made-up ticket, another guest's ids under this ticket, and a
    // pending guest who was never sent a link here: all INVITATION_LINK_INVALID, exactly
    // as for an id that exists nowhere.
    let ticket = groups::parse_redeem_url(&url).unwrap().ticket;
    for (tenant, user, ticket) in [
        (
            "contoso",
            guest.as_str(),
            "00000000000000000000000000000000",
        ),
        ("contoso", "dan-pending", ticket.as_str()),
        ("contoso", "nobody-at-all", ticket.as_str()),
        ("fabrikam", guest.as_str(), ticket.as_str()),
    ] {
        let forged = groups::redeem_url(Offering::Commercial, tenant, user, ticket);
        assert_eq!(
            refused(&mut dir, |d| groups::redeem_by_link(d, &forged)),
            "INVITATION_LINK_INVALID",
            "{forged}"
        );
    }
    // The real link redeems, once; the key survives a snapshot, not world JSON.
    let copy = Directory::from_bytes(&dir.to_bytes().unwrap()).unwrap();
    let mut from_json = Directory::from_world(dir.to_world()).unwrap();
    assert_eq!(
        refused(&mut from_json, |d| groups::redeem_by_link(d, &url)),
        "INVITATION_LINK_INVALID"
    );
    let mut copy = copy;
    assert!(groups::redeem_by_link(&mut copy, &url).is_ok());
    assert!(groups::redeem_by_link(&mut dir, &url).is_ok());
    assert_eq!(
        refused(&mut dir, |d| groups::redeem_by_link(d, &url)),
        "ALREADY_REDEEMED"
    );
}

// --- Joining --------------------------------------------------------------------------

#[test]
fn an_open_group_adds_at_once() {
    let mut dir = enabled();
    let omar = sign_in(&dir, "omar");
    let joined = omar.request_to_join(&mut dir, "book-club").unwrap();
    assert_eq!(joined.outcome, JoinOutcome::Added);
    assert_eq!(joined.request_id, None);
    assert_eq!(members(&dir, "book-club"), ["omar"]);
    assert_eq!(dir.stats().join_requests, 0);
    assert_eq!(
        refused(&mut dir, |d| omar.request_to_join(d, "book-club")),
        "ALREADY_MEMBER"
    );
}

#[test]
fn joining_is_refused_for_closed_dynamic_synced_foreign_groups_and_with_self_service_off() {
    let mut dir = fixture();
    let priya = sign_in(&dir, "priya");
    assert_eq!(
        refused(&mut dir, |d| priya.request_to_join(d, "book-club")),
        "SELF_SERVICE_DISABLED"
    );
    groups::set_self_service_group_management(&mut dir, "contoso", true).unwrap();
    for (group, code) in [
        ("board", "GROUP_CLOSED"),
        ("all-staff", "DYNAMIC_GROUP"),
        ("legacy-finance", "ON_PREMISES_GROUP"),
        ("fabrikam-team", "UNKNOWN_GROUP"),
    ] {
        assert_eq!(
            refused(&mut dir, |d| priya.request_to_join(d, group)),
            code,
            "{group}"
        );
    }
    let bob = sign_in(&dir, "bob");
    assert_eq!(
        refused(&mut dir, |d| bob.request_to_join(d, "board")),
        "ALREADY_MEMBER"
    );
}

#[test]
fn an_owner_approval_group_waits_for_an_owner_who_decides_once() {
    let mut dir = enabled();
    let priya = sign_in(&dir, "priya");
    let bob = sign_in(&dir, "bob");
    let omar = sign_in(&dir, "omar");

    let asked = priya.request_to_join(&mut dir, "design-review").unwrap();
    assert_eq!(asked.outcome, JoinOutcome::Pending);
    let request_id = asked.request_id.unwrap();
    assert_eq!(request_id, "design-review-join-priya");
    assert!(members(&dir, "design-review").is_empty());
    assert_eq!(
        refused(&mut dir, |d| priya.request_to_join(d, "design-review")),
        "REQUEST_ALREADY_PENDING"
    );

    // Bob owns the group and sees the request; Omar owns nothing; Priya sees her own.
    let to_decide = bob.join_requests(&dir, JoinBox::ToDecide).unwrap();
    assert_eq!(to_decide.len(), 1);
    assert_eq!(to_decide[0].id, request_id);
    assert_eq!(to_decide[0].user_display_name, "Priya Raman");
    assert_eq!(to_decide[0].group_display_name, "Design review");
    assert!(omar
        .join_requests(&dir, JoinBox::ToDecide)
        .unwrap()
        .is_empty());
    assert!(priya
        .join_requests(&dir, JoinBox::ToDecide)
        .unwrap()
        .is_empty());
    assert_eq!(priya.join_requests(&dir, JoinBox::Mine).unwrap().len(), 1);

    // Only an owner decides.
    assert_eq!(
        refused(&mut dir, |d| omar.decide_join_request(d, &request_id, true)),
        "NOT_GROUP_OWNER"
    );
    assert_eq!(
        refused(&mut dir, |d| bob.decide_join_request(d, "nope", true)),
        "UNKNOWN_JOIN_REQUEST"
    );
    let decided = bob
        .decide_join_request(&mut dir, &request_id, true)
        .unwrap();
    assert_eq!(decided.status, JoinRequestStatus::Approved);
    assert_eq!(decided.decided_by.as_deref(), Some("bob"));
    assert_eq!(members(&dir, "design-review"), ["priya"]);
    assert!(bob
        .join_requests(&dir, JoinBox::ToDecide)
        .unwrap()
        .is_empty());
    let mine = priya.join_requests(&dir, JoinBox::Mine).unwrap();
    assert_eq!(mine[0].status, JoinRequestStatus::Approved);

    // A decided request stays decided.
    for approve in [true, false] {
        assert_eq!(
            refused(&mut dir, |d| bob.decide_join_request(
                d,
                &request_id,
                approve
            )),
            "REQUEST_ALREADY_DECIDED"
        );
    }
}

#[test]
fn a_declined_person_stays_out_and_may_ask_again() {
    let mut dir = enabled();
    let omar = sign_in(&dir, "omar");
    let bob = sign_in(&dir, "bob");
    let first = omar
        .request_to_join(&mut dir, "design-review")
        .unwrap()
        .request_id
        .unwrap();
    let declined = bob.decide_join_request(&mut dir, &first, false).unwrap();
    assert_eq!(declined.status, JoinRequestStatus::Declined);
    assert!(members(&dir, "design-review").is_empty());
    let second = omar
        .request_to_join(&mut dir, "design-review")
        .unwrap()
        .request_id
        .unwrap();
    assert_eq!(second, "design-review-join-omar-2");
    let mine: Vec<JoinRequestStatus> = omar
        .join_requests(&dir, JoinBox::Mine)
        .unwrap()
        .iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(
        mine,
        [JoinRequestStatus::Declined, JoinRequestStatus::Pending]
    );
}

#[test]
fn deciding_needs_self_service_on_and_a_request_of_this_tenant() {
    let mut dir = enabled();
    let priya = sign_in(&dir, "priya");
    let bob = sign_in(&dir, "bob");
    let request = priya
        .request_to_join(&mut dir, "design-review")
        .unwrap()
        .request_id
        .unwrap();
    // Alice owns a Fabrikam group: signed into Fabrikam, Contoso's request is unknown.
    let alice = dir.sign_in("fabrikam", "alice").unwrap();
    assert_eq!(
        refused(&mut dir, |d| alice.decide_join_request(d, &request, true)),
        "SELF_SERVICE_DISABLED"
    );
    groups::set_self_service_group_management(&mut dir, "fabrikam", true).unwrap();
    assert_eq!(
        refused(&mut dir, |d| alice.decide_join_request(d, &request, true)),
        "UNKNOWN_JOIN_REQUEST"
    );
    groups::set_self_service_group_management(&mut dir, "contoso", false).unwrap();
    assert_eq!(
        refused(&mut dir, |d| bob.decide_join_request(d, &request, true)),
        "SELF_SERVICE_DISABLED"
    );
}

// --- Reaching apps --------------------------------------------------------------------

#[test]
fn apps_are_reached_directly_or_through_nested_groups_in_this_tenant_only() {
    let mut dir = enabled();
    let omar = sign_in(&dir, "omar");
    let apps = omar.my_apps(&dir).unwrap();
    assert_eq!(app_ids(&apps), ["wiki"]);
    assert_eq!(apps[0].assignment, Assignment::Direct);
    assert!(apps[0].via.is_empty());
    assert_eq!(
        apps[0].link,
        "https://myapps.microsoft.com/signin/wiki?tenantId=contoso"
    );

    // Omar joins Design review, which is a member of Engineering, assigned to CAD.
    let bob = sign_in(&dir, "bob");
    let request = omar
        .request_to_join(&mut dir, "design-review")
        .unwrap()
        .request_id
        .unwrap();
    bob.decide_join_request(&mut dir, &request, true).unwrap();
    let apps = omar.my_apps(&dir).unwrap();
    assert_eq!(app_ids(&apps), ["cad", "wiki"]);
    assert_eq!(apps[0].assignment, Assignment::Group);
    assert_eq!(apps[0].via, ["design-review", "engineering"]);

    // Assigned directly as well: direct wins.
    groups::assign_to_app(&mut dir, "cad", "omar").unwrap();
    assert_eq!(
        omar.my_apps(&dir).unwrap()[0].assignment,
        Assignment::Direct
    );

    // Alice at home sees Fabrikam's app; nothing of Contoso's.
    let alice = dir.sign_in("fabrikam", "alice").unwrap();
    assert_eq!(app_ids(&alice.my_apps(&dir).unwrap()), ["fabrikam-portal"]);

    // Out of the group, out of the app.
    groups::unassign_from_app(&mut dir, "cad", "omar").unwrap();
    bob.remove_from_group(&mut dir, "design-review", "omar")
        .unwrap();
    assert_eq!(app_ids(&omar.my_apps(&dir).unwrap()), ["wiki"]);
}

#[test]
fn only_an_owner_removes_and_only_a_member() {
    let mut dir = fixture();
    let bob = sign_in(&dir, "bob");
    let priya = sign_in(&dir, "priya");
    assert_eq!(
        refused(&mut dir, |d| priya.remove_from_group(d, "board", "bob")),
        "NOT_GROUP_OWNER"
    );
    assert_eq!(
        refused(&mut dir, |d| bob.remove_from_group(d, "board", "priya")),
        "NOT_A_MEMBER"
    );
    assert_eq!(
        refused(&mut dir, |d| bob.remove_from_group(d, "all-staff", "priya")),
        "DYNAMIC_GROUP"
    );
    // Removing works with self-service off: an owner can always take access away.
    let group = bob.remove_from_group(&mut dir, "board", "bob").unwrap();
    assert!(group.members.is_empty());
}

#[test]
fn an_existing_guest_whose_home_tenant_is_blocked_is_not_added_either() {
    // The shared sample world: Tom's guest object exists, but Contoso blocks Tailspin.
    let mut dir = common::directory();
    let bob = sign_in(&dir, "bob");
    assert_eq!(
        refused(&mut dir, |d| bob.invite_to_group(
            d,
            "sales",
            &invite("tom@tailspin.us")
        )),
        "COLLABORATION_BLOCKED"
    );
    // Gina's address names no tenant of the world: her guest object is added as is.
    let invitation = bob
        .invite_to_group(&mut dir, "sales", &invite("gina@gmail.com"))
        .unwrap();
    assert_eq!(invitation.invited_user.id, "gina-gmail");
    assert_eq!(invitation.status, InvitationStatus::Completed);
}

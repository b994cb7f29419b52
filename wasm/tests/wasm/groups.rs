//! Self-service groups through the JavaScript face: the whole story, and refusals that
//! throw a `GuestPassError` with its code and leave the directory unchanged.

use guestpass_wasm::{JsDirectory, JsSession};
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

const WORLD: &str = include_str!("../../../tests/fixtures/groups.json");

fn obj(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn text(value: &JsValue, key: &str) -> String {
    get(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

fn code<T>(result: Result<T, JsValue>) -> String {
    match result {
        Ok(_) => panic!("expected the call to throw"),
        Err(err) => text(&err, "code"),
    }
}

fn sign_in(dir: &JsDirectory, tenant: &str, user: &str) -> Result<JsSession, JsValue> {
    dir.sign_in(obj(&format!(
        r#"{{ "tenantId": "{tenant}", "user": "{user}" }}"#
    )))
}

/// The code a refused call threw, after checking the directory did not change.
fn refused<T>(dir: &JsDirectory, call: impl FnOnce() -> Result<T, JsValue>) -> String {
    let before = dir.to_json_string().unwrap();
    let code = code(call());
    assert_eq!(
        dir.to_json_string().unwrap(),
        before,
        "{code} changed the directory"
    );
    code
}

fn ids(list: &JsValue) -> Vec<String> {
    Array::from(list)
        .iter()
        .map(|item| text(&item, "id"))
        .collect()
}

#[wasm_bindgen_test]
fn the_whole_story_through_the_javascript_face() {
    let dir = JsDirectory::from_json(JsValue::from_str(WORLD)).unwrap();

    // The administrator turns self-service on, creates the group and makes Bob its owner.
    dir.set_self_service_group_management("contoso".into(), true.into())
        .unwrap();
    dir.upsert_group(obj(r#"{ "id": "payroll-users", "tenantId": "contoso",
        "displayName": "Payroll users", "securityEnabled": true, "groupTypes": [],
        "onPremisesSyncEnabled": false, "joinPolicy": "ownerApproval" }"#))
        .unwrap();
    dir.upsert_group(obj(r#"{ "id": "payroll-users", "tenantId": "contoso",
        "displayName": "Payroll users", "securityEnabled": true,
        "joinPolicy": "ownerApproval", "owners": ["bob"] }"#))
        .unwrap();

    // Self-service on Payroll needs SAML sign-on, then the group assigned.
    let config = || obj(r#"{ "groupId": "payroll-users", "requireApproval": true }"#);
    assert_eq!(
        refused(&dir, || dir
            .configure_self_service("payroll".into(), config())),
        "SSO_NOT_CONFIGURED"
    );
    dir.upsert_app(obj(r#"{ "id": "payroll", "tenantId": "contoso",
        "displayName": "Payroll", "singleSignOn": "saml" }"#))
        .unwrap();
    assert_eq!(
        refused(&dir, || dir
            .configure_self_service("payroll".into(), config())),
        "GROUP_NOT_ASSIGNED_TO_APP"
    );
    dir.assign_to_app("payroll".into(), "payroll-users".into())
        .unwrap();
    let app = dir
        .configure_self_service("payroll".into(), config())
        .unwrap();
    assert_eq!(get(&get(&app, "selfService"), "enabled"), JsValue::TRUE);
    assert_eq!(
        dir.app_link("payroll".into()).unwrap(),
        "https://myapps.microsoft.com/signin/payroll?tenantId=contoso"
    );

    // Bob invites Alice by email with a welcome message.
    let bob = sign_in(&dir, "contoso", "bob@contoso.com").unwrap();
    let invitation = bob
        .invite_to_group(
            "payroll-users".into(),
            obj(r#"{ "email": "alice@fabrikam.com", "message": "Welcome to Payroll!" }"#),
        )
        .unwrap();
    assert_eq!(text(&invitation, "status"), "PendingAcceptance");
    assert_eq!(
        text(&invitation, "invitedUserEmailAddress"),
        "alice@fabrikam.com"
    );
    assert_eq!(text(&invitation, "invitedUserType"), "Guest");
    assert_eq!(
        text(
            &get(&invitation, "invitedUserMessageInfo"),
            "customizedMessageBody"
        ),
        "Welcome to Payroll!"
    );
    let guest_id = text(&get(&invitation, "invitedUser"), "id");
    assert_eq!(guest_id, "alice-fabrikam-com-at-contoso");
    let guest = Array::from(&get(&dir.to_json().unwrap(), "users"))
        .iter()
        .find(|u| text(u, "id") == guest_id)
        .unwrap();
    assert_eq!(text(&guest, "externalUserState"), "PendingAcceptance");
    assert_eq!(
        text(&guest, "userPrincipalName"),
        "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com"
    );

    // Not before she redeems; then she signs in and sees Payroll.
    assert_eq!(
        code(sign_in(&dir, "contoso", "alice@fabrikam.com")),
        "INVITATION_PENDING"
    );
    let url = text(&invitation, "inviteRedeemUrl");
    let redeemed = dir
        .redeem_invitation(obj(&format!(r#"{{ "inviteRedeemUrl": "{url}" }}"#)))
        .unwrap();
    assert_eq!(text(&redeemed, "externalUserState"), "Accepted");
    let alice = sign_in(&dir, "contoso", "alice@fabrikam.com").unwrap();
    let apps = alice.my_apps().unwrap();
    assert_eq!(ids(&apps), ["payroll"]);
    let payroll = Array::from(&apps).get(0);
    assert_eq!(text(&payroll, "assignment"), "group");
    assert_eq!(
        text(&payroll, "link"),
        "https://myapps.microsoft.com/signin/payroll?tenantId=contoso"
    );
    assert_eq!(
        refused(&dir, || dir.redeem_invitation(obj(&format!(
            r#"{{ "tenantId": "contoso", "user": "{guest_id}" }}"#
        )))),
        "ALREADY_REDEEMED"
    );

    // Bob takes her out of the group: Payroll leaves her list.
    bob.remove_from_group("payroll-users".into(), JsValue::from(&guest_id))
        .unwrap();
    assert!(ids(&alice.my_apps().unwrap()).is_empty());
}

#[wasm_bindgen_test]
fn refused_invitations_throw_their_code_and_change_nothing() {
    let dir = JsDirectory::from_json(JsValue::from_str(WORLD)).unwrap();
    let bob = sign_in(&dir, "contoso", "bob").unwrap();
    let priya = sign_in(&dir, "contoso", "priya").unwrap();
    let eve = || obj(r#"{ "email": "eve@northwind.com" }"#);
    assert_eq!(
        refused(&dir, || bob.invite_to_group("design-review".into(), eve())),
        "SELF_SERVICE_DISABLED"
    );
    dir.set_self_service_group_management("contoso".into(), true.into())
        .unwrap();
    for (session, group, request, expected) in [
        (&priya, "design-review", eve(), "NOT_GROUP_OWNER"),
        (&bob, "all-staff", eve(), "DYNAMIC_GROUP"),
        (&bob, "legacy-finance", eve(), "ON_PREMISES_GROUP"),
        (
            &bob,
            "design-review",
            obj(r#"{ "email": "eve@" }"#),
            "INVALID_EMAIL",
        ),
        (
            &bob,
            "design-review",
            obj(r#"{ "email": "tom@tailspin.us" }"#),
            "COLLABORATION_BLOCKED",
        ),
        (
            &bob,
            "design-review",
            obj(r#"{ "email": "x@contoso.com" }"#),
            "ADDRESS_IN_OWN_DOMAIN",
        ),
        (
            &bob,
            "design-review",
            obj(r#"{ "mail": "eve@northwind.com" }"#),
            "UNKNOWN_FIELD",
        ),
    ] {
        assert_eq!(
            refused(&dir, || session
                .invite_to_group(JsValue::from(group), request)),
            expected
        );
    }
    assert_eq!(
        refused(&dir, || dir
            .redeem_invitation(obj(r#"{ "tenantId": "contoso" }"#))),
        "INVALID_INPUT"
    );
    assert_eq!(
        refused(&dir, || dir.redeem_invitation(obj(
            r#"{ "tenantId": "contoso", "user": "bob" }"#
        ))),
        "NOT_A_GUEST"
    );
}

#[wasm_bindgen_test]
fn join_requests_wait_for_an_owner_through_the_javascript_face() {
    let dir = JsDirectory::from_json(JsValue::from_str(WORLD)).unwrap();
    dir.set_self_service_group_management("contoso".into(), true.into())
        .unwrap();
    let bob = sign_in(&dir, "contoso", "bob").unwrap();
    let priya = sign_in(&dir, "contoso", "priya").unwrap();

    let joined = priya.request_to_join("book-club".into()).unwrap();
    assert_eq!(text(&joined, "outcome"), "added");
    assert_eq!(
        refused(&dir, || priya.request_to_join("board".into())),
        "GROUP_CLOSED"
    );

    let asked = priya.request_to_join("design-review".into()).unwrap();
    assert_eq!(text(&asked, "outcome"), "pending");
    let request_id = text(&asked, "requestId");
    assert_eq!(
        ids(&bob.join_requests(JsValue::UNDEFINED).unwrap()),
        [request_id.as_str()]
    );
    assert_eq!(
        ids(&priya.join_requests(obj(r#"{ "box": "mine" }"#)).unwrap()),
        [request_id.as_str()]
    );
    assert_eq!(
        refused(&dir, || priya
            .decide_join_request(JsValue::from(&request_id), true.into())),
        "NOT_GROUP_OWNER"
    );
    let decided = bob
        .decide_join_request(JsValue::from(&request_id), true.into())
        .unwrap();
    assert_eq!(text(&decided, "status"), "approved");
    assert_eq!(
        refused(&dir, || bob
            .decide_join_request(JsValue::from(&request_id), false.into())),
        "REQUEST_ALREADY_DECIDED"
    );
    // Design review is nested in Engineering, which is assigned to CAD.
    let apps = priya.my_apps().unwrap();
    assert_eq!(ids(&apps), ["cad"]);
    let via: Vec<String> = Array::from(&get(&Array::from(&apps).get(0), "via"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    assert_eq!(via, ["design-review", "engineering"]);
}

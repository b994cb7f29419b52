//! The boundary itself: the version, errors for JavaScript objects as for JSON text, and
//! the handles JavaScript holds.

use crate::support::{code_of, get, json};
use guestpass_wasm::JsDirectory;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(guestpass_wasm::version(), env!("CARGO_PKG_VERSION"));
}

/// ARCHITECTURE.md: unknown fields in input are an error, for an object as for JSON text.
#[wasm_bindgen_test]
fn an_object_with_an_unknown_field_is_refused_as_a_guestpass_error() {
    let bad = json(r#"{"tenants":[],"notAField":true}"#);
    let err = JsDirectory::from_json(bad).err().unwrap();
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("GuestPassError")
    );
    assert_eq!(code_of(err), "UNKNOWN_FIELD");
}

/// Objects are handles into a table Rust owns (`objects.rs`): a released handle is
/// `OBJECT_FREED` (twice released is harmless), a reused slot gets a new handle, and a
/// live handle of another kind is `INVALID_VALUE`; no handle reaches another object.
#[wasm_bindgen_test]
fn handles_are_checked_by_generation_and_kind() {
    use guestpass_wasm::calls::{directory, session};
    use guestpass_wasm::{live_objects, release};
    let before = live_objects();
    let dir = directory::directory_from_json(JsValue::from_str(crate::support::WORLD)).unwrap();
    let bob = || json(r#"{"tenantId":"contoso","user":"bob"}"#);
    let s = directory::directory_sign_in(dir, bob()).unwrap();
    assert_eq!(live_objects(), before + 2);
    assert_eq!(
        code_of(directory::directory_stats(s).err().unwrap()),
        "INVALID_VALUE"
    );
    assert_eq!(
        code_of(session::session_whoami(dir).err().unwrap()),
        "INVALID_VALUE"
    );
    release(s);
    release(s);
    let freed = session::session_whoami(s).err().unwrap();
    assert_eq!(code_of(freed.clone()), "OBJECT_FREED");
    assert_eq!(
        get(&get(&freed, "details"), "member")
            .as_string()
            .as_deref(),
        Some("whoami()")
    );
    let again = directory::directory_sign_in(dir, bob()).unwrap();
    assert_ne!(again, s, "a reused slot answers to a new handle only");
    assert_eq!(
        code_of(session::session_whoami(s).err().unwrap()),
        "OBJECT_FREED"
    );
    assert!(session::session_whoami(again).is_ok());
    for made_up in [0.0, -1.0, 0.5, f64::NAN, 1e300] {
        assert_eq!(
            code_of(directory::directory_stats(made_up).err().unwrap()),
            "OBJECT_FREED"
        );
    }
    release(again);
    release(dir);
    assert_eq!(live_objects(), before);
}

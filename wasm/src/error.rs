//! Errors crossing into JavaScript: every `Error` becomes a `GuestPassError` with a
//! stable `code`, the message and `details`.

use guestpass::error::Error;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static ERROR_CLASS: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Makes every error thrown by guestpass an instance of `cls`, constructed as
/// `new cls(code, message, details)`. The package entry points call this with their
/// `GuestPassError` right after loading the Wasm module.
#[wasm_bindgen(js_name = registerErrorClass)]
pub fn register_error_class(cls: js_sys::Function) {
    ERROR_CLASS.with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = Some(cls);
        }
    });
}

/// The JavaScript value thrown for `err`.
pub fn to_js(err: &Error) -> JsValue {
    let details = js_sys::Object::new();
    for (key, value) in err.details() {
        let _ = js_sys::Reflect::set(
            &details,
            &JsValue::from_str(key),
            &JsValue::from_str(&value),
        );
    }
    let code = JsValue::from_str(err.code());
    let message = JsValue::from_str(&err.to_string());
    let class = ERROR_CLASS.with(|slot| slot.try_borrow().ok().and_then(|c| c.clone()));
    if let Some(class) = class {
        let args = js_sys::Array::of3(&code, &message, &details);
        if let Ok(instance) = js_sys::Reflect::construct(&class, &args) {
            return instance;
        }
    }
    let plain = js_sys::Error::new(&err.to_string());
    plain.set_name("GuestPassError");
    let _ = js_sys::Reflect::set(&plain, &JsValue::from_str("code"), &code);
    let _ = js_sys::Reflect::set(&plain, &JsValue::from_str("details"), &details);
    plain.into()
}

/// Converts a Rust result into a JavaScript one, throwing a `GuestPassError`.
pub fn throw<T>(result: guestpass::error::Result<T>) -> Result<T, JsValue> {
    result.map_err(thrown)
}

/// [`to_js`] of an error that is done with (outside the generic [`throw`], so the Wasm
/// module holds the conversion and the error's drop once, not once per result type).
#[inline(never)]
fn thrown(err: Error) -> JsValue {
    to_js(&err)
}

/// The `GuestPassError` for a call made while another call is using the directory.
#[cold]
#[inline(never)]
pub fn busy() -> JsValue {
    to_js(&Error::invalid_input(
        "the directory is busy with another call; call it again after that one returns",
    ))
}

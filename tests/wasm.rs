//! The Wasm boundary, run inside a real JavaScript engine by `wasm-pack test --node` and
//! `wasm-pack test --headless --chrome` (both with `-- --test wasm`). Scenario modules go
//! in `tests/wasm/` and are listed here.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(guestpass::wasm::version(), env!("CARGO_PKG_VERSION"));
}

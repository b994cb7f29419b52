#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The sample world is the same natively and in WebAssembly: one digest of its JSON,
//! checked by `cargo test` and by `wasm-pack test --node`. A deliberate change to the
//! generator changes the digest; update it here, on purpose. (ce2f7bb4…: no `sequential`
//! approvals — the type is not the Approvals connector's — and contoso and tailspin name
//! each other as partners, as collaboration across clouds requires. 94b1c66d…: every
//! flow and approval names its environment, `Default-<tenant id>`; with `environment`
//! cleared the digest is ce2f7bb4… again. f441fdb3…: approval inv-42 names the flow it came
//! from, invoice-flow, so the sample's approvals exercise the approval → flow link.)

use guestpass_sample::{sample_world, SampleOptions};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test;

/// 64-bit FNV-1a: enough to tell two worlds apart, with no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg_attr(not(target_arch = "wasm32"), test)]
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
fn the_default_world_is_the_same_on_every_platform() {
    let world = sample_world(&SampleOptions::default());
    let json = serde_json::to_string(&world).unwrap();
    assert_eq!(
        format!("{:016x}", fnv1a(json.as_bytes())),
        "f441fdb39b75aa2f"
    );
}

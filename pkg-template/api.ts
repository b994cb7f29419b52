// The API every entry point of the package exports (`guestpass` in Node and in bundlers,
// `guestpass/web` in a plain page). List each wasm-bindgen export here on purpose: the
// package test fails, naming it, when the Rust side exports something not listed.
export { Directory, Session, sampleWorld, version } from "./guestpass.js";
export { GuestPassError } from "./errors.js";

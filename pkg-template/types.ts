// The data guestpass takes and gives, as TypeScript types: the world JSON of
// `Directory.fromJSON`, the Graph pages of `Directory.fromGraph`, and every answer.
//
// These are written by hand from the Rust types (src/model/, src/directory, src/b2b.rs,
// src/session, sample/src, src/graph.rs) and checked against what the WebAssembly module
// really returns by tests/js/types.test.mjs (every output's keys, both ways) and by the
// README examples test, which type-checks every example under --strict and runs it.
// Types the Rust side declares itself (typescript_custom_section in wasm/src/*.rs) are
// re-exported from the wasm-bindgen glue instead of being written twice.
//
// One file per domain, every one re-exported here (the package's modules and entries
// import their types from this file):
//   types-world.ts      the world JSON (`Directory.fromJSON`, `dir.toJSON()`)
//   types-sources.ts    Graph and source pages (`fromGraph`, `fromSources`), the loaders' options
//   types-directory.ts  the directory's own answers: stats, views, the sample's options
//   types-access.ts     signing in (requests, host contexts), whoami, collaboration, features
//   types-search.ts     people search (`session.search`, `PeopleIndex`)
//   types-lookups.ts    `session.user/group/app/tenant(id)` and `session.flows()`
//   types-approvals.ts  approval lists and notifications
// The types of flow sharing (FlowAction, FlowRole, Decision, CheckRequest, CheckResult,
// ShareRequest, FlowShares), of groups and invitations and of app access are the Rust
// side's, re-exported from the glue just below.

export type {
  AppAccess,
  AppLink,
  GroupApp,
  OwnedGroup,
  CheckRequest,
  CheckResult,
  Decision,
  DecisionCode,
  DeniedCode,
  FlowAction,
  FlowRole,
  FlowShares,
  HomeFacts,
  Invitation,
  InvitationRequest,
  InvitationStatus,
  JoinRequestItem,
  JoinRequestsOptions,
  JoinResult,
  Outcome,
  RedeemRequest,
  SelfServiceConfig,
  ShareRequest,
  UnknownCode,
} from "./guestpass.js";
export type * from "./types-world.js";
export type * from "./types-sources.js";
export type * from "./types-directory.js";
export type * from "./types-access.js";
export type * from "./types-search.js";
export type * from "./types-lookups.js";
export type * from "./types-approvals.js";

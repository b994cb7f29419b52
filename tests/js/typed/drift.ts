// Compile-time check that the package's classes (pkg/directory.d.ts, pkg/session.d.ts) and
// the functions wasm-bindgen's glue exports for them (pkg/guestpass.d.ts) name the same
// methods: `directoryStats` is `Directory.stats`, `sessionCheck` is `Session.check`. tsc
// reports the names that differ: a Rust function no class calls, or a method with no
// function behind it.
import type * as Glue from "../node_modules/guestpass/guestpass.js";
import type { Directory, PeopleIndex, PeopleIndexMatch, PersonRecord, Session, User } from "guestpass";

/** The glue's functions named `<prefix><Method>`, as method names. */
type Calls<Prefix extends string> = {
  [K in keyof typeof Glue]: K extends `${Prefix}${infer M}` ? Uncapitalize<M> : never;
}[keyof typeof Glue];
type Members<C> = Exclude<keyof C, symbol>;
type Statics<C> = Exclude<keyof C, "prototype">;

/** `true` when nothing is left over; otherwise the names, in tsc's error message. */
type None<Names> = [Names] extends [never] ? true : { differ: Names };

/** What the classes add in TypeScript (the signed loaders check in WebCrypto, then call
 * the same glue as fromBytes and fromView; loadViewParts fetches, then calls
 * fromViewParts), and the glue's helpers that are no method. */
type TsOnlyDirectory = "signInFromHost" | "loadFromGraph" | "loadFromSources" | "loadViewParts" | "fromSignedBytes" | "fromSignedView" | "free";
type GlueOnlyDirectory = "new" | "live";
type TsOnlySession = "free";
/**
 * `sessionCheckOf`: the checking twin of `sessionCheck`, for arguments that are not text;
 * `sessionSearchPacked` and `sessionSearchNumbers`: `Session.search`'s packed path.
 */
type GlueOnlySession = "checkOf" | "allowedActionsOf" | "searchPacked" | "searchNumbers";

type DirectoryApi = Members<Directory> | Statics<typeof Directory>;
export const directoryCallsHaveMethods: None<Exclude<Calls<"directory">, DirectoryApi | GlueOnlyDirectory>> = true;
export const directoryMethodsHaveCalls: None<Exclude<DirectoryApi, Calls<"directory"> | TsOnlyDirectory>> = true;
export const sessionCallsHaveMethods: None<Exclude<Calls<"session">, Members<Session> | GlueOnlySession>> = true;
export const sessionMethodsHaveCalls: None<Exclude<Members<Session>, Calls<"session"> | TsOnlySession>> = true;
export const sessionHasNoStatics: None<Statics<typeof Session>> = true;

// PeopleIndex is a TypeScript class over a few glue functions (peopleIndexAdd, …): its
// records in and out keep the caller's type, and the functions it calls exist (tsc checks
// people-index.ts when the package is built; this pins the public surface).
type Mine = User & { team: string };
declare const index: PeopleIndex<Mine>;
export const matchesKeepTheRecordType: PeopleIndexMatch<Mine>["record"] extends Mine ? true : false = true;
export const getKeepsTheRecordType: ReturnType<typeof index.get> extends Mine | undefined ? true : false = true;
export const usersAreRecords: User extends PersonRecord ? true : false = true;
export const coreIsInternal: None<Exclude<"add" | "commit" | "rollback" | "highlight" | "key", Calls<"peopleIndex">>> = true;

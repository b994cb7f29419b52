// Compile-time check that the package's typed interfaces (pkg/api.d.ts) and the classes
// wasm-bindgen generates (pkg/guestpass.d.ts) name the same methods. tsc reports the names
// that differ: a Rust method without a type here, or a type for a method that is gone.
import type * as Glue from "../node_modules/guestpass/guestpass.js";
import type { Directory, DirectoryConstructor, PeopleIndex, PeopleIndexMatch, PersonRecord, Session, SessionConstructor, User } from "guestpass";

/** Methods the TypeScript layer adds (pkg-template/api.ts). */
type TsOnlyDirectory = "signInFromHost";
type TsOnlyDirectoryStatic = "loadFromGraph" | "loadFromSources";

type Statics<C> = Exclude<keyof C, "prototype">;

/** `true` when nothing is left over; otherwise the names, in tsc's error message. */
type None<Names> = [Names] extends [never] ? true : { differ: Names };

export const directoryMethodsTyped: None<Exclude<keyof Glue.Directory, keyof Directory>> = true;
export const directoryMethodsExist: None<Exclude<keyof Directory, keyof Glue.Directory | TsOnlyDirectory>> = true;
export const directoryStaticsTyped: None<Exclude<Statics<typeof Glue.Directory>, keyof DirectoryConstructor>> = true;
export const directoryStaticsExist: None<Exclude<Statics<DirectoryConstructor>, Statics<typeof Glue.Directory> | TsOnlyDirectoryStatic>> = true;
export const sessionMethodsTyped: None<Exclude<keyof Glue.Session, keyof Session>> = true;
export const sessionMethodsExist: None<Exclude<keyof Session, keyof Glue.Session>> = true;
export const sessionStatics: None<Exclude<Statics<typeof Glue.Session>, keyof SessionConstructor>> = true;

/** Where wasm-bindgen knows a parameter's or result's type (not `any`), ours must agree. */
type IsAny<T> = 0 extends 1 & T ? true : false;
type Agree<A, B> = IsAny<A> extends true ? true : [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Parameter by parameter (wasm-bindgen makes a JsValue parameter required; ours may be optional). */
type ParamsAgree<GA extends unknown[], MA extends unknown[]> = false extends {
  [I in keyof GA]: I extends keyof Required<MA> ? Agree<Exclude<GA[I], undefined>, Exclude<Required<MA>[I], undefined>> : false;
}[number]
  ? false
  : true;
type Disagreeing<G, M> = {
  [K in keyof G & keyof M]: G[K] extends (...args: infer GA) => infer GR
    ? M[K] extends (...args: infer MA) => infer MR
      ? Agree<GR, MR> extends true
        ? ParamsAgree<GA, MA> extends true
          ? never
          : K
        : K
      : never
    : never;
}[keyof G & keyof M];
// Session methods return glue types (Decision, Invitation, …): they must be the same.
export const sessionTypesAgree: None<Exclude<Disagreeing<Glue.Session, Session>, never>> = true;

// PeopleIndex is a TypeScript class over the WebAssembly `PeopleIndexCore`: its records
// in and out keep the caller's type, and the core's methods it calls exist (tsc checks
// people-index.ts when the package is built; this pins the public surface).
type Mine = User & { team: string };
declare const index: PeopleIndex<Mine>;
export const matchesKeepTheRecordType: PeopleIndexMatch<Mine>["record"] extends Mine ? true : false = true;
export const getKeepsTheRecordType: ReturnType<typeof index.get> extends Mine | undefined ? true : false = true;
export const usersAreRecords: User extends PersonRecord ? true : false = true;
export const coreIsInternal: None<Exclude<"add" | "commit" | "rollback" | "highlight" | "key", keyof Glue.PeopleIndexCore>> = true;

// The lifetime of the package's WebAssembly-backed objects (`Directory`, `Session`,
// `PeopleIndex`).
//
// Each of them holds, in an ES private field, a handle: a number naming a slot of the
// object table the Rust side owns (an index plus a generation, wasm/src/objects.rs), never
// a pointer. Rust looks every handle up and checks its generation and kind, so:
// - `free()` (and `[Symbol.dispose]`, which `using` calls) empties the slot now; calling it
//   again does nothing; any other use of the freed object gets `OBJECT_FREED` from Rust;
// - a copy of an object (`Object.assign(Object.create(proto), obj)`) or a method called on
//   a foreign `this` (`Directory.prototype.stats.call(session)`) has no private field, so
//   it never reaches Rust: it gets `INVALID_VALUE` (`details.field` is `"this"`), see
//   `notThis` below;
// - an object that is never freed is released when JavaScript collects it (the
//   `FinalizationRegistry` below), possibly much later.
// No sequence of calls, even through wasm-bindgen's raw glue, reaches freed memory: a
// stale handle names a slot whose generation moved on.
import { release } from "./guestpass.js";
import { GuestPassError } from "./errors.js";

/** Releases the slots of objects JavaScript collected without `free()`. */
const forgotten = new FinalizationRegistry<number>((handle) => {
  try {
    release(handle);
  } catch {
    // Nothing to tell anyone from a finalizer: a stale handle is already released.
  }
});

/** Registers `owner` so its handle is released when it is collected. Internal. */
export function track(owner: object, handle: number): void {
  forgotten.register(owner, handle, owner);
}

/** Releases `owner`'s handle now (idempotent on the Rust side). Internal. */
export function untrack(owner: object, handle: number): void {
  forgotten.unregister(owner);
  release(handle);
}

/**
 * `INVALID_VALUE` for a method called on something that is not one of the package's own
 * objects: a copy, a plain object, or an object of another class given as `this`.
 * Internal.
 */
export function notThis(className: string, member: string, made: string): GuestPassError {
  return new GuestPassError(
    "INVALID_VALUE",
    `${member} was called on something that is not a ${className} (a copy of one, or another object given as \`this\`); call it on the ${className} ${made} returned`,
    { field: "this", object: className, member },
  );
}

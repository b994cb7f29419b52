// Freeing the package's WebAssembly-backed objects (`Directory`, `Session`):
//
// - `free()` releases the object's WebAssembly memory now; calling it again does nothing
//   (the same for `[Symbol.dispose]`, which `using` calls);
// - an object that is never freed is released when JavaScript collects it (wasm-bindgen
//   registers every object with a `FinalizationRegistry`), but possibly much later;
// - any other method or property of a freed object throws `GuestPassError` with code
//   `OBJECT_FREED`, instead of wasm-bindgen's untyped "null pointer passed to rust".
//
// The runtime classes are wasm-bindgen's own (see api.ts); `guardFreeing` wraps the
// members of their prototypes once, at import. A live object pays one property read per
// call. wasm-bindgen marks a freed object by setting its `__wbg_ptr` to 0.
import { wrongType } from "./arguments.js";
import { GuestPassError } from "./errors.js";

type Members = Record<PropertyKey, unknown>;

function isFreed(self: unknown): boolean {
  return (self as { __wbg_ptr?: number }).__wbg_ptr === 0;
}

function freedError(className: string, member: string): GuestPassError {
  return new GuestPassError(
    "OBJECT_FREED",
    `this ${className} was freed (free() or the end of a \`using\` block), so ${member} cannot be used on it; keep the object until you are done with it, or get a new one`,
    { object: className, member },
  );
}

/**
 * Makes `free()` (and `[Symbol.dispose]`) idempotent on the class's instances and makes
 * every other method and getter of a freed instance throw `OBJECT_FREED`. The methods
 * named in `textArgs` also check that the arguments named there (by position) are
 * strings (see arguments.ts), in the same wrapper: one layer on the hot path.
 * Internal: each entry point runs it through api.ts.
 */
export function guardFreeing(
  cls: { prototype: object },
  className: string,
  textArgs: Readonly<Record<string, readonly string[]>> = {},
): void {
  const proto = cls.prototype as Members;
  const free = proto.free as (this: unknown) => void;
  const guardedFree = function (this: unknown): void {
    if (!isFreed(this)) free.call(this);
  };
  for (const key of Reflect.ownKeys(proto)) {
    if (key === "constructor") continue;
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    if (!desc) continue;
    const name = typeof key === "symbol" ? key.description ?? "a symbol member" : key;
    if (typeof key === "string" && key.startsWith("__")) continue; // wasm-bindgen internals
    if (key === "free" || (typeof desc.value === "function" && desc.value === free)) {
      Object.defineProperty(proto, key, { ...desc, value: guardedFree });
    } else if (typeof desc.value === "function") {
      const method = desc.value as (this: unknown, ...args: unknown[]) => unknown;
      const member = `${name}()`;
      const texts = typeof key === "string" ? textArgs[key] : undefined;
      const wrapper = texts
        ? {
            [name](this: unknown, ...args: unknown[]): unknown {
              if (isFreed(this)) throw freedError(className, member);
              for (let i = 0; i < texts.length; i++) {
                if (typeof args[i] !== "string") throw wrongType(texts[i]!, "a string", args[i]);
              }
              return method.apply(this, args);
            },
          }
        : {
            [name](this: unknown, ...args: unknown[]): unknown {
              if (isFreed(this)) throw freedError(className, member);
              return method.apply(this, args);
            },
          };
      Object.defineProperty(proto, key, { ...desc, value: wrapper[name] });
    } else if (desc.get) {
      const get = desc.get;
      Object.defineProperty(proto, key, {
        ...desc,
        get(this: unknown): unknown {
          if (isFreed(this)) throw freedError(className, name);
          return get.call(this);
        },
      });
    }
  }
}

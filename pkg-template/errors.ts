import { registerErrorClass } from "./guestpass.js";

/**
 * The error every guestpass call throws for bad input or an impossible request.
 *
 * An expected "no" (a person who may not run a flow, say) is a value, never an error.
 * A `GuestPassError` means the call was wrong, and the directory is unchanged by it.
 *
 * @example
 * ```ts
 * try {
 *   dir.signIn({ tenantId: "contoso", user: "nobody@contoso.com" });
 * } catch (e) {
 *   if (e instanceof GuestPassError) console.log(e.code, e.message, e.details);
 * }
 * ```
 */
export class GuestPassError extends Error {
  /** A stable, machine-readable code such as `"INVITATION_PENDING"`. */
  readonly code: string;
  /** Named values that locate the problem (an id, a field, a tenant). */
  readonly details: Record<string, string>;

  constructor(code: string, message: string, details?: Record<string, string>) {
    super(message);
    this.name = "GuestPassError";
    this.code = code;
    this.details = details ?? {};
  }
}

/**
 * Makes every error thrown from the WebAssembly module an instance of
 * {@link GuestPassError}. Each entry point calls it right after the module is
 * instantiated. Internal: not part of the package's API.
 */
export function connectErrors(): void {
  registerErrorClass(GuestPassError);
}

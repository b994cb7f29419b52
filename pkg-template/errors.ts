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
  /** A stable, machine-readable code such as `"INVITATION_PENDING"` (see {@link GuestPassErrorCode}). */
  readonly code: GuestPassErrorCode;
  /** Named values that locate the problem (an id, a field, a tenant). */
  readonly details: Record<string, string>;

  constructor(code: GuestPassErrorCode, message: string, details?: Record<string, string>) {
    super(message);
    this.name = "GuestPassError";
    this.code = code;
    this.details = details ?? {};
  }
}

/**
 * The codes a `GuestPassError` carries. The list is open (`string & {}`): a newer
 * version may add codes, so compare with the ones you handle and keep a default branch.
 * The package README has a table of them with what each means.
 *
 * The codes above the "the TypeScript layer" comment are exactly the Rust core's
 * (`Error::CODES` in src/error.rs, which a Rust test compares with this list); those
 * below it are thrown by the package's TypeScript.
 */
export type GuestPassErrorCode =
  // input
  | "INVALID_INPUT" | "UNKNOWN_FIELD" | "INVALID_VALUE" | "DUPLICATE_ID" | "LIMIT_EXCEEDED"
  | "DANGLING_REFERENCE" | "CROSS_TENANT_REFERENCE" | "GROUP_CYCLE" | "IN_USE" | "TENANT_CHANGE"
  | "RUN_ONLY_REQUIRES_MANUAL_TRIGGER" | "INVALID_TIME" | "QUERY_TOO_LONG"
  // lookups
  | "UNKNOWN_TENANT" | "UNKNOWN_USER" | "UNKNOWN_GROUP" | "UNKNOWN_APP" | "UNKNOWN_FLOW"
  | "UNKNOWN_APPROVAL" | "UNKNOWN_CONNECTOR" | "UNKNOWN_JOIN_REQUEST" | "UNKNOWN_ACTION"
  | "UNKNOWN_PRINCIPAL"
  // sign-in and sessions
  | "USER_NOT_FOUND" | "AMBIGUOUS_USER" | "INVITATION_PENDING" | "ACCOUNT_DISABLED"
  | "COLLABORATION_BLOCKED" | "SESSION_ENDED" | "OBJECT_FREED"
  // snapshots
  | "SNAPSHOT_NOT_RECOGNIZED" | "SNAPSHOT_TRUNCATED" | "SNAPSHOT_CHECKSUM_MISMATCH"
  | "SNAPSHOT_VERSION_UNSUPPORTED" | "SNAPSHOT_CORRUPT"
  // views
  | "VIEW_NOT_RECOGNIZED" | "VIEW_READ_ONLY" | "VIEW_PARTS_MISMATCH"
  // flow sharing
  | "NOT_ALLOWED_TO_SHARE" | "CANNOT_REMOVE_CREATOR" | "NOT_SHARED"
  // approvals
  | "NOT_AN_APPROVER" | "NOT_THE_REQUESTER" | "APPROVAL_COMPLETED" | "APPROVAL_CANCELED"
  | "APPROVAL_EXPIRED" | "ALREADY_RESPONDED" | "INVALID_RESPONSE"
  | "ALREADY_AN_APPROVER"
  // approvals without the prerequisites, or while a guest's home fact is not known
  | "NO_LICENSE" | "NO_CONSENT" | "HOME_LICENSE_UNKNOWN" | "HOME_OUTBOUND_UNKNOWN" | "HOME_TENANT_UNKNOWN"
  | "TARGETED_RULE_UNKNOWN"
  // self-service groups
  | "NOT_GROUP_OWNER" | "SELF_SERVICE_DISABLED" | "DYNAMIC_GROUP" | "ON_PREMISES_GROUP"
  | "INVALID_EMAIL" | "ADDRESS_IN_OWN_DOMAIN" | "SSO_NOT_CONFIGURED" | "GROUP_NOT_ASSIGNED_TO_APP"
  | "GROUP_CLOSED" | "ALREADY_MEMBER" | "REQUEST_ALREADY_PENDING" | "REQUEST_ALREADY_DECIDED"
  | "ALREADY_REDEEMED" | "NOT_A_GUEST" | "NOT_A_MEMBER" | "INVITATION_LINK_INVALID"
  | "SELF_SERVICE_NOT_CONFIGURED" | "NOT_A_SECURITY_GROUP" | "NOT_APP_OWNER" | "INVITE_NOT_ALLOWED"
  // B2B across clouds
  | "UPN_REQUIRED"
  // the TypeScript layer: a module not loaded yet, host adapters and loading from Graph
  | "NOT_INITIALIZED" | "WASM_LOAD_FAILED"
  | "HOST_CONTEXT_MISSING_FIELD" | "HOST_CONTEXT_UNKNOWN" | "ABORTED" | "GRAPH_HTTP_ERROR"
  | "GRAPH_MALFORMED_PAGE" | "GRAPH_NETWORK_ERROR" | "GRAPH_TENANT_MISMATCH"
  // loading from every source
  | "SOURCE_HTTP_ERROR" | "SOURCE_MALFORMED_PAGE" | "SOURCE_NETWORK_ERROR"
  // fetching a view in two parts
  | "VIEW_HTTP_ERROR" | "VIEW_NETWORK_ERROR"
  // signed snapshots and views (checked with WebCrypto, in TypeScript only)
  | "SIGNATURE_REQUIRED" | "SIGNATURE_INVALID" | "SIGNATURE_UNSUPPORTED"
  | (string & {});

/**
 * Makes every error thrown from the WebAssembly module an instance of
 * {@link GuestPassError}. Each entry point calls it right after the module is
 * instantiated. Internal: not part of the package's API.
 */
export function connectErrors(): void {
  registerErrorClass(GuestPassError);
}

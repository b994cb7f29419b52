// What the directory answers about itself: its counts (`dir.stats()`), a person's view
// (`dir.viewParts`, and `session.viewContents()` of a session read from one), and the
// options of the sample world. Re-exported by types.ts.

/** `dir.stats()`: how many of each the directory holds. */
export interface Stats {
  tenants: number;
  /** Members and guests. */
  users: number;
  members: number;
  guests: number;
  /** Guests whose invitation is not redeemed yet. */
  pendingGuests: number;
  groups: number;
  apps: number;
  flows: number;
  approvals: number;
  connectors: number;
  joinRequests: number;
}

/** `Directory.sample(options)` / `sampleWorld(options)`. */
export interface SampleOptions {
  /** User objects (members and guests); default 2,000, at most 2,000,000. */
  users?: number;
  /** Default 42: the same seed and size always give the same world. */
  seed?: number;
  /**
   * The sample's present (RFC 3339; default `"2026-11-20T12:00:00Z"`): its approvals are
   * dated in the two weeks before it, and `Directory.sample` sets its clock to it.
   */
  now?: string;
}

/**
 * `dir.viewParts(request)`: a person's view in two parts. Serve `shared` once per tenant
 * and audience at a URL named by `sharedHash` (`Cache-Control: public, max-age=31536000,
 * immutable`: its bytes never change under that name) and `personal` privately; load them
 * with `Directory.fromViewParts(personal, shared)`.
 */
export interface ViewParts {
  /**
   * What every person of the same audience in the tenant receives alike, byte for byte:
   * for members (and guests with member access) the tenant's people, groups and apps; for
   * guests with limited access the sealed address book.
   */
  shared: Uint8Array;
  /** The SHA-256 of `shared`, lowercase hex: the name the personal part knows it by. */
  sharedHash: string;
  /**
   * The same SHA-256 as a Subresource Integrity string (`sha256-` and base64): send it to
   * the browser with the personal part and fetch the shared part with
   * `fetch(url, { integrity })`, and the browser refuses bytes other than these, natively.
   * `fromViewParts` pairs the two parts by the checksum inside them, which finds a wrong
   * or stale shared part but is no defence against one made to deceive.
   */
  sharedIntegrity: string;
  /** This person's part (their flows, approvals, groups, tenants), naming `sharedHash`. */
  personal: Uint8Array;
}

/** Whose kind of view a view is: it decided the people part (`session.viewContents()`). */
export type ViewAudience = "members" | "limitedGuest" | "restrictedGuest";

/**
 * `session.viewContents()`: what the view a session was read from holds, counted —
 * "what this person's browser receives". The view's byte length says its size.
 */
export interface ViewContents {
  /** Members (and guests with member access), limited guest or restricted guest. */
  audience: ViewAudience;
  /** Tenants named: the one signed into and, for a guest, their home tenant. */
  tenants: number;
  /** People whose records are readable (the tenant's directory for members; a guest, their home account and whom they may see). */
  people: number;
  /** People a limited guest reaches by exact address only: sealed records. */
  sealedPeople: number;
  /** Groups the person may see. */
  groups: number;
  /** Apps they reach. */
  apps: number;
  /** Flows they hold a role on. */
  flows: number;
  /** The tenant's other flows: digests only, so their ids answer `NO_ROLE` as on the whole directory. */
  unseenFlows: number;
  /** The tenant's other groups: digests only. */
  unseenGroups: number;
  /** Their approvals in the tenant. */
  approvals: number;
  /** Connectors (Microsoft's catalogue, the same for everyone). */
  connectors: number;
  /** Join requests they made or decide. */
  joinRequests: number;
  /** Home tenants named beside guests in a members' search. */
  homeTenantNames: number;
}

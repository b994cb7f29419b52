// Approvals as a person sees them: `session.approvals(query)` and its items, and the
// messages `dir.notifications(approvalId)` says to send. The approval itself is the
// world's (types-world.ts). Re-exported by types.ts.
import type { UnknownCode } from "./guestpass.js";
import type { Approval, ApprovalStatus, Id } from "./types-world.js";

/**
 * Why a Power Automate capability's list is empty (`approvals().blocked`) or an approver
 * cannot act (`notifications()[i].blocked`): a missing prerequisite or blocked
 * collaboration (`denied`), or a home fact that is not known (`unknown`).
 */
export type Blocked =
  | { outcome: "denied"; code: "INVITATION_PENDING" | "NO_LICENSE" | "NO_CONSENT" | "COLLABORATION_BLOCKED"; message: string }
  | { outcome: "unknown"; code: UnknownCode; message: string };

/**
 * `session.approvals(query)`: the items, or why there are none to show. A person who lacks
 * a prerequisite of every Power Automate capability (a licence that counts, consent) gets
 * no items and `blocked` with the code; one whose home facts are not known, `blocked`
 * with `outcome: "unknown"`.
 */
export interface ApprovalList {
  /** Newest first; empty when `blocked`. */
  items: ApprovalItem[];
  /** Absent when the person can use approvals. */
  blocked?: Blocked;
}

/** `session.approvals(query)`; defaults `received`, `pending`. */
export interface ApprovalQuery {
  box?: "received" | "sent";
  status?: "pending" | "completed" | "all";
}

/** One approval in a list, with what the signed-in person may do with it. */
export interface ApprovalItem extends Approval {
  /** `expired` once left pending 30 days (the flow run timed out). */
  status: ApprovalStatus;
  /** When it expires (or expired) if left pending (RFC 3339). */
  expiresAt?: string;
  /** The approvers (users or groups) it waits for now; empty unless pending. */
  waitingFor: Id[];
  canRespond: boolean;
  canReassign: boolean;
  canCancel: boolean;
  /** When the person is an approver only through a group: the groups from theirs up. */
  via?: Id[];
  /**
   * Display names by id of the people and groups the approval names (requester, approvers,
   * responders, `via`) that the signed-in person may see, as `session.user(id)` and
   * `session.group(id)` would: an id missing here is one to show as it is.
   */
  names: Record<Id, string>;
}

/** Why a person is told about an approval. */
export type NotificationReason = "responseRequested" | "completed" | "expired" | "canceled";

/** One message to send about an approval (`dir.notifications(approvalId)`). */
export interface Notification {
  userId: Id;
  displayName: string;
  /** The real address (a guest's `mail`, never the `#EXT#` UPN); absent when none is known. */
  address?: string;
  reason: NotificationReason;
  /** The group approver they answer for, when it is a group. */
  onBehalfOf?: Id;
  /** The tenant the approval belongs to: the one to sign into. */
  tenantId: Id;
  approvalId: Id;
  /** The Approvals page of that tenant showing this approval. */
  link: string;
  /** Respond from the email itself: only a member asked to respond (guests act at `link`). */
  actionableInEmail: boolean;
  /** For an approver asked to respond: why they cannot act on it (yet); absent when they can. */
  blocked?: Blocked;
}

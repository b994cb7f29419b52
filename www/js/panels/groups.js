// Self-service groups: as an owner, invite a guest by email and see the Graph-shaped
// invitation; redeem it as the guest; decide join requests; the apps the person reaches.
import { h, show, errorBox } from "../dom.js";
import { state, onSession, onChange, changed, sessionHas } from "../state.js";

const form = document.getElementById("invite-form");
const groupSelect = document.getElementById("group");
const emailInput = document.getElementById("invite-email");
const messageInput = document.getElementById("invite-message");
const inviteButton = document.getElementById("invite");
const invitationBox = document.getElementById("invitation");
const requestsBox = document.getElementById("join-requests");
const appsBox = document.getElementById("my-apps");

/** The sample's well-known groups and generated ones of the small sample, owned by the person. */
function ownedGroups() {
  const s = state.session;
  if (!s) return [];
  return state.known.groups.filter((g) => g.tenantId === s.tenantId && (g.owners ?? []).includes(s.userId));
}

function fillGroups() {
  const groups = ownedGroups();
  groupSelect.replaceChildren(
    ...(groups.length === 0 ? [h("option", { value: "" }, "— owns no group here —")] : []),
    ...groups.map((g) => {
      const kind = g.groupTypes?.includes("DynamicMembership") ? ", dynamic" : g.onPremisesSyncEnabled ? ", synced from on-premises" : "";
      return h("option", { value: g.id }, `${g.displayName}${kind}`);
    }),
  );
  const enabled = groups.length > 0 && sessionHas("inviteToGroup");
  groupSelect.disabled = !enabled;
  inviteButton.disabled = !enabled;
  if (state.session && groups.length === 0) {
    show(invitationBox, h("p", { class: "muted" }, "This person owns no group in this tenant. Bob owns Sales in Contoso."));
  } else {
    show(invitationBox, h("p", { class: "muted" }, "None sent yet."));
  }
}

function showInvitation(invitation) {
  const rows = [
    ["Status", h("span", { class: `badge ${invitation.status === "Completed" ? "yes" : "pending"}` }, invitation.status)],
    ["Invited", `${invitation.invitedUserDisplayName} <${invitation.invitedUserEmailAddress}> (${invitation.invitedUserType})`],
    ["Account", h("span", { class: "code" }, invitation.invitedUser.id)],
    ["Group", h("span", { class: "code" }, invitation.groupId)],
    ["Message", invitation.invitedUserMessageInfo?.customizedMessageBody ?? "—"],
    ["Redirect", h("span", { class: "code" }, invitation.inviteRedirectUrl)],
  ];
  if (invitation.inviteRedeemUrl) rows.push(["Redeem link", h("span", { class: "code" }, invitation.inviteRedeemUrl)]);
  const redeem = invitation.inviteRedeemUrl
    ? h("button", {
        type: "button",
        class: "secondary small",
        onclick: () => {
          try {
            const guest = state.dir.redeemInvitation({ inviteRedeemUrl: invitation.inviteRedeemUrl });
            show(invitationBox, h("div", { class: "alert ok", role: "status" }, `${guest.displayName} redeemed the invitation: ${guest.externalUserState}.`));
          } catch (error) {
            show(invitationBox, errorBox(error, "Redeem"));
          }
          changed("redeem");
        },
      }, "Redeem as the guest")
    : null;
  show(
    invitationBox,
    h("dl", { class: "kv", dataset: { status: invitation.status, user: invitation.invitedUser.id } }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    redeem,
  );
}

function renderRequests() {
  const s = state.session;
  if (!s || !sessionHas("joinRequests")) return show(requestsBox, h("p", { class: "muted" }, "—"));
  try {
    const requests = s.joinRequests({ box: "toDecide" });
    if (requests.length === 0) return show(requestsBox, h("p", { class: "muted" }, "None waiting for this person."));
    show(
      requestsBox,
      h(
        "ul",
        { class: "approvals" },
        requests.map((r) =>
          h(
            "li",
            { dataset: { id: r.id } },
            h("div", { class: "title" }, `${r.userDisplayName} asks to join ${r.groupDisplayName}`),
            h(
              "div",
              { class: "row", style: "margin-top:.35rem" },
              [true, false].map((approve) =>
                h("button", {
                  type: "button",
                  class: approve ? "small" : "small secondary",
                  onclick: () => {
                    try {
                      s.decideJoinRequest(r.id, approve);
                    } catch (error) {
                      show(requestsBox, errorBox(error));
                      return;
                    }
                    changed("join-request");
                  },
                }, approve ? "Approve" : "Decline"),
              ),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    show(requestsBox, errorBox(error));
  }
}

function renderApps() {
  const s = state.session;
  if (!s || !sessionHas("myApps")) return show(appsBox, h("p", { class: "muted" }, "—"));
  try {
    const apps = s.myApps();
    if (apps.length === 0) return show(appsBox, h("p", { class: "muted" }, "No app of this tenant reaches this person."));
    show(
      appsBox,
      h(
        "ul",
        {},
        apps.map((a) =>
          h("li", {}, h("a", { href: a.link, rel: "noreferrer" }, a.displayName), ` — ${a.assignment === "direct" ? "assigned directly" : `through ${a.via.join(" → ")}`}`),
        ),
      ),
    );
  } catch (error) {
    show(appsBox, errorBox(error));
  }
}

export function setupGroups() {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const s = state.session;
    if (!s) return;
    try {
      const request = { email: emailInput.value.trim() };
      if (messageInput.value.trim()) request.message = messageInput.value.trim();
      showInvitation(s.inviteToGroup(groupSelect.value, request));
    } catch (error) {
      show(invitationBox, errorBox(error, "Invitation refused"));
      return;
    }
    changed("invitation");
  });
  onSession(() => {
    fillGroups();
    renderRequests();
    renderApps();
  });
  onChange((what) => {
    if (what !== "invitation" && what !== "redeem") fillGroups();
    renderRequests();
    renderApps();
  });
}

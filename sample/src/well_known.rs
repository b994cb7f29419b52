//! The fixed people, groups, apps, flows, approvals and join requests every sample
//! world holds, whatever its size and seed; the demo and the tests rely on them.
//! The list is in the documentation of [`crate`].

use super::crowd::Crowd;
use super::groups::{new_group, GroupKind};
use super::people::{guest, guest_of, mail_domain, member, MemberName, OFFICE365, POWER_AUTOMATE};
use super::tenants::{TenantSpec, CONTOSO, FABRIKAM, NORTHWIND, TAILSPIN, TENANTS, WOODGROVE};
use guestpass::model::{
    App, Approval, ApprovalResponse, ApprovalStatus, ApprovalType, Connector, ExternalUserState,
    Flow, Group, JoinPolicy, JoinRequest, JoinRequestStatus, SelfService, SingleSignOn, Trigger,
    User, World,
};

/// A well-known member: id (also their mail local part), tenant, display name, given
/// name, surname, job title, licenses, consented.
type Person = (
    &'static str,
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    bool,
);

const BOTH: &[&str] = &[OFFICE365, POWER_AUTOMATE];

#[rustfmt::skip]
static MEMBERS: &[Person] = &[
    ("bob", CONTOSO, "Bob Kowalski", "Bob", "Kowalski", "Finance Manager", &[OFFICE365], true),
    ("ann", CONTOSO, "Ann Lee", "Ann", "Lee", "Marketing Specialist", BOTH, true),
    ("anna", CONTOSO, "Anna Schmidt", "Anna", "Schmidt", "Sales Director", BOTH, true),
    ("deborah", CONTOSO, "Déborah Lefèvre", "Déborah", "Lefèvre", "HR Business Partner", BOTH, true),
    ("siobhan", CONTOSO, "Siobhán O'Brien", "Siobhán", "O'Brien", "Legal Counsel", &[OFFICE365], true),
    ("maria", CONTOSO, "María García-López", "María", "García-López", "Procurement Lead", BOTH, true),
    ("jean-luc", CONTOSO, "Jean-Luc Moreau", "Jean-Luc", "Moreau", "IT Administrator", BOTH, true),
    ("taro", CONTOSO, "山田 太郎", "太郎", "山田", "Software Engineer", BOTH, true),
    ("ivan", CONTOSO, "Иван Петров", "Иван", "Петров", "Data Analyst", BOTH, false),
    ("sofia", CONTOSO, "Σοφία Παπαδοπούλου", "Σοφία", "Παπαδοπούλου", "Product Designer", BOTH, true),
    ("mohammed", CONTOSO, "محمد العلي", "محمد", "العلي", "Operations Manager", BOTH, true),
    ("lars", CONTOSO, "Lars Ångström", "Lars", "Ångström", "Research Scientist", &[], true),
    ("alice", FABRIKAM, "Alice Martin", "Alice", "Martin", "Project Manager", &[POWER_AUTOMATE], true),
    ("carlos", FABRIKAM, "Carlos de la Cruz", "Carlos", "de la Cruz", "Account Executive", BOTH, true),
    ("erik", NORTHWIND, "Erik von Trapp", "Erik", "von Trapp", "Warehouse Supervisor", &[], true),
    ("giulia", NORTHWIND, "Giulia D'Angelo", "Giulia", "D'Angelo", "Buyer", &[OFFICE365], true),
    ("zoe", TAILSPIN, "Zoë Dubois", "Zoë", "Dubois", "Program Analyst", BOTH, true),
    ("hana", WOODGROVE, "Hana Novák", "Hana", "Novák", "Risk Officer", &[OFFICE365], true),
];

/// A well-known guest: id, home user id, resource tenant, state, licenses on the guest
/// object, consented.
type Invitee = (
    &'static str,
    &'static str,
    usize,
    ExternalUserState,
    &'static [&'static str],
    bool,
);

const ACCEPTED: ExternalUserState = ExternalUserState::Accepted;
const PENDING: ExternalUserState = ExternalUserState::PendingAcceptance;

#[rustfmt::skip]
static GUESTS: &[Invitee] = &[
    ("alice-at-contoso", "alice", CONTOSO, ACCEPTED, &[], true),
    ("carlos-at-contoso", "carlos", CONTOSO, PENDING, &[], false),
    ("erik-at-contoso", "erik", CONTOSO, ACCEPTED, &[], true),
    ("giulia-at-contoso", "giulia", CONTOSO, ACCEPTED, &[], false),
    ("zoe-at-contoso", "zoe", CONTOSO, ACCEPTED, &[], true),
    ("hana-at-contoso", "hana", CONTOSO, ACCEPTED, &[], true),
    ("bob-at-fabrikam", "bob", FABRIKAM, ACCEPTED, &[], true),
    ("alice-at-woodgrove", "alice", WOODGROVE, ACCEPTED, &[], true),
];

fn tenant(position: usize) -> &'static TenantSpec {
    &TENANTS[position]
}

/// The well-known members and guests.
pub(super) fn people() -> Vec<User> {
    let mut users: Vec<User> = MEMBERS
        .iter()
        .map(
            |&(id, t, display, given, surname, job, licenses, consented)| {
                let name = MemberName {
                    display: display.to_string(),
                    given,
                    surname,
                };
                let mail = format!("{id}@{}", mail_domain(tenant(t)));
                member(
                    id.to_string(),
                    tenant(t),
                    name,
                    mail,
                    Some(job),
                    licenses,
                    consented,
                )
            },
        )
        .collect();
    for &(id, home_id, resource, state, licenses, consented) in GUESTS {
        if let Some(home) = users.iter().find(|u| u.id == home_id).cloned() {
            users.push(guest_of(
                &home,
                id.to_string(),
                tenant(resource),
                state,
                licenses,
                consented,
            ));
        }
    }
    users.push(guest(
        "pat-at-contoso".to_string(),
        tenant(CONTOSO),
        "Pat Jones",
        "pat.jones@gmail.com",
        ACCEPTED,
        &[POWER_AUTOMATE],
        true,
    ));
    users
}

fn ids(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// How many generated contoso members the dynamic `all-staff` group lists besides the
/// well-known ones (a rule would list them all; a sample keeps big worlds small).
const ALL_STAFF_SAMPLE: usize = 200;

fn group(
    id: &str,
    tenant_id: &str,
    display: &str,
    kind: GroupKind,
    join_policy: JoinPolicy,
    owners: &[&str],
    members: &[&str],
) -> Group {
    let mut g = new_group(id.to_string(), tenant_id, display.to_string(), kind);
    g.join_policy = join_policy;
    g.owners = ids(owners);
    g.members = ids(members);
    g
}

/// The well-known groups; `all-staff` also lists the first generated contoso members.
pub(super) fn groups(world: &World, crowd: &Crowd) -> Vec<Group> {
    use GroupKind::{Dynamic, Security, Synced, Unified};
    use JoinPolicy::{Closed, Open, OwnerApproval};
    let mut all_staff = group(
        "all-staff",
        "contoso",
        "All Contoso staff",
        Dynamic,
        Closed,
        &["jean-luc"],
        &[],
    );
    all_staff.description =
        Some("Dynamic: every member of Contoso (user.userType -eq \"Member\")".into());
    let sample = crowd.0[CONTOSO]
        .members
        .iter()
        .take(MEMBERS.len() + ALL_STAFF_SAMPLE);
    all_staff.members = sample.map(|&i| world.users[i].id.clone()).collect();
    let mut sales = group(
        "sales",
        "contoso",
        "Sales",
        Security,
        OwnerApproval,
        &["bob"],
        &["alice-at-contoso", "anna", "pat-at-contoso", "sales-emea"],
    );
    sales.description = Some("Sales team; owners approve requests to join".into());
    vec![
        sales,
        group(
            "sales-emea",
            "contoso",
            "Sales EMEA",
            Security,
            Open,
            &["anna"],
            &["deborah", "maria", "erik-at-contoso", "zoe-at-contoso"],
        ),
        group(
            "leadership",
            "contoso",
            "Leadership",
            Security,
            Closed,
            &["bob"],
            &["bob", "anna", "siobhan"],
        ),
        all_staff,
        group(
            "finance-onprem",
            "contoso",
            "Finance (on-premises)",
            Synced,
            Closed,
            &["bob"],
            &["bob", "maria", "ivan"],
        ),
        group(
            "project-falcon",
            "contoso",
            "Project Falcon",
            Unified,
            Open,
            &["ann"],
            &[
                "ann",
                "taro",
                "sofia",
                "alice-at-contoso",
                "carlos-at-contoso",
            ],
        ),
        group(
            "fab-partners",
            "fabrikam",
            "Partner Program",
            Security,
            OwnerApproval,
            &["alice"],
            &["alice", "carlos", "bob-at-fabrikam"],
        ),
    ]
}

/// The well-known apps.
pub(super) fn apps() -> Vec<App> {
    vec![
        App {
            id: "expenses".into(),
            tenant_id: "contoso".into(),
            display_name: "Expenses".into(),
            single_sign_on: SingleSignOn::Saml,
            self_service: Some(SelfService {
                enabled: true,
                group_id: Some("sales".into()),
                require_approval: true,
            }),
            owners: ids(&["bob"]),
            assignments: ids(&["sales"]),
        },
        App {
            id: "travel".into(),
            tenant_id: "contoso".into(),
            display_name: "Travel Booking".into(),
            single_sign_on: SingleSignOn::Oidc,
            self_service: None,
            owners: ids(&["ann"]),
            assignments: ids(&["all-staff", "alice-at-contoso"]),
        },
        App {
            id: "fab-crm".into(),
            tenant_id: "fabrikam".into(),
            display_name: "Partner CRM".into(),
            single_sign_on: SingleSignOn::Saml,
            self_service: Some(SelfService {
                enabled: true,
                group_id: Some("fab-partners".into()),
                require_approval: false,
            }),
            owners: ids(&["alice"]),
            assignments: ids(&["fab-partners"]),
        },
    ]
}

fn flow(
    id: &str,
    tenant_id: &str,
    display: &str,
    trigger: Trigger,
    owner: &str,
    co_owners: &[&str],
    run_only: &[&str],
) -> Flow {
    Flow {
        id: id.into(),
        tenant_id: tenant_id.into(),
        display_name: display.into(),
        trigger,
        enabled: true,
        owner_id: owner.into(),
        co_owners: ids(co_owners),
        run_only: ids(run_only),
        environment: Some(crate::environment_of(tenant_id)),
    }
}

/// The well-known flows.
pub(super) fn flows() -> Vec<Flow> {
    use Trigger::{Automated, Manual, Scheduled};
    let mut digest = flow(
        "weekly-digest",
        "contoso",
        "Weekly sales digest",
        Scheduled,
        "ann",
        &["sales-emea"],
        &[],
    );
    digest.enabled = false;
    vec![
        flow(
            "invoice-flow",
            "contoso",
            "Invoice approval",
            Manual,
            "bob",
            &[],
            &["sales"],
        ),
        flow(
            "expense-report",
            "contoso",
            "Expense report to SharePoint",
            Automated,
            "bob",
            &["alice-at-contoso", "leadership"],
            &[],
        ),
        digest,
        flow(
            "laptop-request",
            "contoso",
            "Request a laptop",
            Manual,
            "jean-luc",
            &["bob"],
            &[
                "all-staff",
                "zoe-at-contoso",
                "carlos-at-contoso",
                "erik-at-contoso",
            ],
        ),
        flow(
            "onboarding-flow",
            "fabrikam",
            "New hire onboarding",
            Manual,
            "alice",
            &["carlos"],
            &["bob-at-fabrikam"],
        ),
    ]
}

fn response(approver: &str, answer: &str, comments: Option<&str>, at: &str) -> ApprovalResponse {
    ApprovalResponse {
        approver_id: approver.into(),
        response: answer.into(),
        comments: comments.map(str::to_string),
        responded_at: at.into(),
        on_behalf_of: None,
    }
}

#[allow(clippy::too_many_arguments)] // one row of the table below
fn approval(
    id: &str,
    tenant_id: &str,
    title: &str,
    requester: &str,
    approvers: &[&str],
    approval_type: ApprovalType,
    options: &[&str],
    created_at: &str,
) -> Approval {
    Approval {
        id: id.into(),
        tenant_id: tenant_id.into(),
        title: title.into(),
        details: None,
        requester_id: requester.into(),
        approvers: ids(approvers),
        approval_type,
        response_options: ids(options),
        responses: Vec::new(),
        status: ApprovalStatus::Pending,
        outcome: None,
        created_at: created_at.into(),
        completed_at: None,
        flow_id: None,
        environment: Some(crate::environment_of(tenant_id)),
    }
}

/// The well-known approvals, one of each type in contoso and one in fabrikam.
pub(super) fn approvals() -> Vec<Approval> {
    use ApprovalType::*;
    const YES_NO: &[&str] = &["Approve", "Reject"];
    let mut inv = approval(
        "inv-42",
        "contoso",
        "Invoice 42",
        "bob",
        &["alice-at-contoso"],
        FirstToRespond,
        YES_NO,
        "2026-11-19T09:00:00Z",
    );
    inv.details = Some("Office supplies, 1,240.00 EUR".into());
    // Sent by the invoice flow's "Start and wait for an approval" action (the link
    // Dataverse keeps in msdyn_flow_flowapproval).
    inv.flow_id = Some("invoice-flow".into());
    let mut budget = approval(
        "budget-2027",
        "contoso",
        "Marketing budget 2027",
        "ann",
        &["bob", "alice-at-contoso"],
        EveryoneMustApprove,
        YES_NO,
        "2026-11-16T14:30:00Z",
    );
    budget.responses = vec![response(
        "bob",
        "Approve",
        Some("Fine by finance"),
        "2026-11-17T08:05:00Z",
    )];
    let mut offsite = approval(
        "offsite-venue",
        "contoso",
        "Team offsite venue",
        "bob",
        &["sales"],
        CustomWaitForOne,
        &["Lisbon", "Kraków", "Reykjavík"],
        "2026-11-10T10:00:00Z",
    );
    let mut krakow = response("alice-at-contoso", "Kraków", None, "2026-11-10T16:20:00Z");
    krakow.on_behalf_of = Some("sales".into()); // she answered as a member of sales
    offsite.responses = vec![krakow];
    offsite.status = ApprovalStatus::Completed;
    offsite.outcome = Some("Kraków".into());
    offsite.completed_at = Some("2026-11-10T16:20:00Z".into());
    let mut policy = approval(
        "policy-review",
        "contoso",
        "Remote work policy review",
        "deborah",
        &["bob", "maria", "ann"],
        CustomWaitForAll,
        &["Agree", "Disagree", "Abstain"],
        "2026-11-12T11:45:00Z",
    );
    policy.responses = vec![response("maria", "Agree", None, "2026-11-13T09:10:00Z")];
    // Sequential approval as Power Automate builds it: successive approval actions, each
    // created when the one before it is approved (bob, then zoe-at-contoso, then ann).
    let mut contract = approval(
        "contract-renewal",
        "contoso",
        "Contract renewal: Tailspin Toys (step 1 of 3)",
        "maria",
        &["bob"],
        FirstToRespond,
        YES_NO,
        "2026-11-14T08:00:00Z",
    );
    contract.responses = vec![response(
        "bob",
        "Approve",
        Some("Budget OK"),
        "2026-11-14T12:00:00Z",
    )];
    contract.status = ApprovalStatus::Completed;
    contract.outcome = Some("Approve".into());
    contract.completed_at = Some("2026-11-14T12:00:00Z".into());
    let contract_step_2 = approval(
        "contract-renewal-2",
        "contoso",
        "Contract renewal: Tailspin Toys (step 2 of 3)",
        "maria",
        &["zoe-at-contoso"],
        FirstToRespond,
        YES_NO,
        "2026-11-14T12:00:00Z",
    );
    let fab = approval(
        "fab-po-7",
        "fabrikam",
        "Purchase order 7",
        "alice",
        &["bob-at-fabrikam"],
        FirstToRespond,
        YES_NO,
        "2026-11-18T15:00:00Z",
    );
    vec![inv, budget, offsite, policy, contract, contract_step_2, fab]
}

/// The well-known requests to join groups.
pub(super) fn join_requests() -> Vec<JoinRequest> {
    vec![
        JoinRequest {
            id: "jr-ivan-sales".into(),
            group_id: "sales".into(),
            user_id: "ivan".into(),
            status: JoinRequestStatus::Pending,
            decided_by: None,
        },
        JoinRequest {
            id: "jr-lars-sales".into(),
            group_id: "sales".into(),
            user_id: "lars".into(),
            status: JoinRequestStatus::Declined,
            decided_by: Some("bob".into()),
        },
    ]
}

/// The connectors: whether each one's people pickers offer guests.
pub(super) fn connectors() -> Vec<Connector> {
    [
        ("shared_office365", "Office 365 Outlook", false),
        ("shared_teams", "Microsoft Teams", true),
        ("shared_sharepointonline", "SharePoint", true),
        ("shared_approvals", "Approvals", true),
    ]
    .into_iter()
    .map(|(id, display, guest_picker)| Connector {
        id: id.into(),
        display_name: display.into(),
        guest_picker,
    })
    .collect()
}

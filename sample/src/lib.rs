//! One seeded, deterministic generator of a realistic world, used by the demo, the tests
//! and the benchmarks alike. The same [`SampleOptions`] always give the same [`World`],
//! natively and in WebAssembly.
//!
//! ```
//! use guestpass_sample::{sample_world, SampleOptions};
//! let world = sample_world(&SampleOptions { users: 500, seed: 7 });
//! assert_eq!(world.users.len(), 500);
//! assert!(world.users.iter().any(|u| u.id == "alice-at-contoso"));
//! ```
//!
//! # Tenants
//!
//! | id          | cloud  | guest access   | notes                                                       |
//! |-------------|--------|----------------|-------------------------------------------------------------|
//! | `contoso`   | global | `limited`      | self-service groups on; enables `usgov` and adds partner `tailspin`; blocks `woodgrove` inbound |
//! | `fabrikam`  | global | `sameAsMember` | domains `fabrikam.com`, `fabrikam.fr`; enables no other cloud |
//! | `northwind` | global | `restricted`   | outbound to `woodgrove` off                                 |
//! | `tailspin`  | usgov  | `limited`      | enables `global` and adds partner `contoso`; initial domain `tailspintoys.onmicrosoft.us` |
//! | `woodgrove` | global | `limited`      | inbound off by default, on for partner `fabrikam`           |
//!
//! Verdicts (resource ← home): allowed are contoso ← fabrikam, northwind, tailspin
//! (across clouds); fabrikam ← contoso, northwind, woodgrove; northwind ← contoso,
//! fabrikam, woodgrove; tailspin ← contoso (across clouds); woodgrove ← fabrikam (a
//! partner override of its closed default). Every other pair is blocked: by contoso's
//! partner setting (← woodgrove), woodgrove's default inbound (← contoso, northwind),
//! northwind's outbound partner setting (woodgrove ← northwind), or by clouds (tailspin
//! with anyone but contoso: across clouds each tenant must enable the other's cloud *and*
//! add the other as a partner, which only contoso and tailspin do). The full table is in
//! the `tenants` submodule.
//!
//! # Well-known objects (in every world, whatever the size and seed)
//!
//! Members (mail and UPN `<id>@<first domain>`, e.g. `bob@contoso.com`):
//!
//! | id         | tenant    | name                 | licenses                 | consent |
//! |------------|-----------|----------------------|--------------------------|---------|
//! | `bob`      | contoso   | Bob Kowalski         | office365                | yes     |
//! | `ann`      | contoso   | Ann Lee              | office365, powerAutomate | yes     |
//! | `anna`     | contoso   | Anna Schmidt         | office365, powerAutomate | yes     |
//! | `deborah`  | contoso   | Déborah Lefèvre      | office365, powerAutomate | yes     |
//! | `siobhan`  | contoso   | Siobhán O'Brien      | office365                | yes     |
//! | `maria`    | contoso   | María García-López   | office365, powerAutomate | yes     |
//! | `jean-luc` | contoso   | Jean-Luc Moreau      | office365, powerAutomate | yes     |
//! | `taro`     | contoso   | 山田 太郎            | office365, powerAutomate | yes     |
//! | `ivan`     | contoso   | Иван Петров          | office365, powerAutomate | **no**  |
//! | `sofia`    | contoso   | Σοφία Παπαδοπούλου   | office365, powerAutomate | yes     |
//! | `mohammed` | contoso   | محمد العلي           | office365, powerAutomate | yes     |
//! | `lars`     | contoso   | Lars Ångström        | **none**                 | yes     |
//! | `alice`    | fabrikam  | Alice Martin         | powerAutomate            | yes     |
//! | `carlos`   | fabrikam  | Carlos de la Cruz    | office365, powerAutomate | yes     |
//! | `erik`     | northwind | Erik von Trapp       | **none**                 | yes     |
//! | `giulia`   | northwind | Giulia D'Angelo      | office365                | yes     |
//! | `zoe`      | tailspin  | Zoë Dubois           | office365, powerAutomate | yes     |
//! | `hana`     | woodgrove | Hana Novák           | office365                | yes     |
//!
//! Guests (no licenses on the guest object unless said; UPN
//! `<mail with _ for @>#EXT#@<resource initial domain>`):
//!
//! | id                   | in        | home            | state             | what it shows                          |
//! |----------------------|-----------|-----------------|-------------------|----------------------------------------|
//! | `alice-at-contoso`   | contoso   | fabrikam/alice  | Accepted          | licensed through the home tenant       |
//! | `carlos-at-contoso`  | contoso   | fabrikam/carlos | PendingAcceptance | `INVITATION_PENDING`                   |
//! | `erik-at-contoso`    | contoso   | northwind/erik  | Accepted          | no license anywhere                    |
//! | `giulia-at-contoso`  | contoso   | northwind/giulia| Accepted          | licensed, not consented                |
//! | `zoe-at-contoso`     | contoso   | tailspin/zoe    | Accepted          | works across clouds                    |
//! | `hana-at-contoso`    | contoso   | woodgrove/hana  | Accepted          | `COLLABORATION_BLOCKED` (partner setting) |
//! | `bob-at-fabrikam`    | fabrikam  | contoso/bob     | Accepted          | the home-vs-resource approvals split   |
//! | `alice-at-woodgrove` | woodgrove | fabrikam/alice  | Accepted          | allowed by a partner override          |
//! | `pat-at-contoso`     | contoso   | none (`pat.jones@gmail.com`) | Accepted | outside account; powerAutomate on the guest object |
//!
//! Groups: `sales` (contoso, assigned security, ownerApproval, owner `bob`, members
//! `alice-at-contoso`, `anna`, `pat-at-contoso` and the nested group `sales-emea`),
//! `sales-emea` (open, owner `anna`, members `deborah`, `maria`, `erik-at-contoso`,
//! `zoe-at-contoso`), `leadership` (closed; `bob`, `anna`, `siobhan`), `all-staff`
//! (dynamic, owner `jean-luc`, members only), `finance-onprem` (synced from on-premises;
//! `bob`, `maria`, `ivan`), `project-falcon` (Microsoft 365 group, open, owner `ann`, with
//! guests `alice-at-contoso` and pending `carlos-at-contoso`), and in fabrikam
//! `fab-partners` (ownerApproval, owner `alice`, members `alice`, `carlos`,
//! `bob-at-fabrikam`).
//!
//! Apps: `expenses` (contoso, SAML, self-service through `sales` with approval, owner
//! `bob`), `travel` (contoso, OIDC, assigned `all-staff` and `alice-at-contoso`),
//! `fab-crm` (fabrikam, SAML, self-service through `fab-partners`).
//!
//! Flows: `invoice-flow` (contoso, manual, owner `bob`, run-only `sales`),
//! `expense-report` (automated, owner `bob`, co-owners `alice-at-contoso` and group
//! `leadership`), `weekly-digest` (scheduled, turned off, owner `ann`, co-owner group
//! `sales-emea`), `laptop-request` (manual, owner `jean-luc`, co-owner `bob`, run-only
//! `all-staff`, `zoe-at-contoso`, `carlos-at-contoso`, `erik-at-contoso`), and in
//! fabrikam `onboarding-flow` (manual, owner `alice`, co-owner `carlos`, run-only
//! `bob-at-fabrikam`).
//!
//! Approvals (contoso unless said): `inv-42` (firstToRespond, `bob` asks
//! `alice-at-contoso`, pending), `budget-2027` (everyoneMustApprove, `ann` asks `bob` and
//! `alice-at-contoso`; `bob` approved), `offsite-venue` (customWaitForOne to group
//! `sales`; completed, outcome `Kraków` by `alice-at-contoso`), `policy-review`
//! (customWaitForAll to `bob`, `maria`, `ann`; `maria` answered), `contract-renewal`
//! and `contract-renewal-2` (a sequential approval as Power Automate builds it: one
//! firstToRespond approval per step; step 1 `bob` approved, step 2 waits for
//! `zoe-at-contoso`, step 3 `ann` is not created yet), and `fab-po-7`
//! (fabrikam, firstToRespond, `alice` asks `bob-at-fabrikam`, pending).
//!
//! Join requests: `jr-ivan-sales` (pending), `jr-lars-sales` (declined by `bob`).
//! Connectors: `shared_office365` (no guest picker), `shared_teams`,
//! `shared_sharepointonline`, `shared_approvals`.
//!
//! # Generated objects
//!
//! Ids are `<tenant>-u000001` (members), `<tenant>-g000001` (guests),
//! `<tenant>-grp00001`, `<tenant>-app1`, `<tenant>-flow00001`, `<tenant>-apv00001`.
//! About 12% of users are guests; groups, flows and approvals grow more slowly than
//! users (see the `groups`, `flows` and `approvals` submodules for the rules).

mod approvals;
mod apps;
mod clock;
mod crowd;
mod dice;
mod flows;
mod groups;
mod ids;
mod names;
mod people;
pub mod sources;
mod tenants;
mod well_known;

pub use clock::{date_at, SAMPLE_NOW};

use guestpass::model::World;
use serde::{Deserialize, Serialize};

/// How big a sample world to make, and from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct SampleOptions {
    /// Number of user objects (members and guests) in the world; never fewer than the
    /// well-known people.
    pub users: usize,
    /// Seed of the random source: the same seed and size give the same world.
    pub seed: u64,
}

impl SampleOptions {
    /// The largest `users` the generator is meant for (about a gigabyte of world).
    pub const MAX_USERS: usize = 2_000_000;
}

impl Default for SampleOptions {
    /// 2,000 users, seed 42: the demo's world.
    fn default() -> Self {
        SampleOptions {
            users: 2_000,
            seed: 42,
        }
    }
}

/// The Power Automate environment the sample's flows and approvals of tenant `tenant_id`
/// live in: the tenant's default environment, `Default-<tenant id>`, the one its source
/// pages are read from.
pub fn environment_of(tenant_id: &str) -> String {
    format!("Default-{tenant_id}")
}

/// Share of user objects that are guests, in percent.
const GUEST_PERCENT: usize = 12;

/// Makes the sample world of `options`: the well-known objects above plus generated
/// members, guests, groups, apps, flows and approvals. Every id is unique and every
/// reference names an object of the same tenant. `users` above
/// [`SampleOptions::MAX_USERS`] is honoured but slow and large.
pub fn sample_world(options: &SampleOptions) -> World {
    let mut dice = dice::Dice::new(options.seed);
    let mut world = World {
        tenants: tenants::tenants(),
        users: well_known::people(),
        ..World::default()
    };
    let fixed = world.users.len();
    let fixed_guests = world.users.iter().filter(|u| u.is_guest()).count();
    let target = options.users.max(fixed);
    let guests = (target * GUEST_PERCENT / 100).saturating_sub(fixed_guests);
    let members = target - fixed - guests.min(target - fixed);
    world.users.reserve(target - fixed);
    people::add_members(&mut world, &mut dice, members);
    people::add_guests(&mut world, &mut dice, target - fixed - members);

    let mut crowd = crowd::Crowd::count(&world);
    world.groups = well_known::groups(&world, &crowd);
    groups::add_groups(&mut world, &mut dice, &mut crowd);
    world.apps = well_known::apps();
    apps::add_apps(&mut world, &mut dice, &crowd);
    world.flows = well_known::flows();
    flows::add_flows(&mut world, &mut dice, &crowd);
    world.approvals = well_known::approvals();
    approvals::add_approvals(&mut world, &mut dice, &crowd);
    world.join_requests = well_known::join_requests();
    world.connectors = well_known::connectors();
    world
}

/// The sample world, refusing sizes above [`SampleOptions::MAX_USERS`] with
/// `LIMIT_EXCEEDED` (use this at boundaries that take outside input).
pub fn checked_sample_world(options: &SampleOptions) -> guestpass::Result<World> {
    if options.users > SampleOptions::MAX_USERS {
        return Err(guestpass::Error::LimitExceeded {
            what: format!("sample users ({})", options.users),
            limit: SampleOptions::MAX_USERS,
        });
    }
    Ok(sample_world(options))
}

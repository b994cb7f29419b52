//! The directory: every tenant, person, group, app, flow and approval guestpass knows,
//! with the lookups the questions need and mutations that either fully apply or change
//! nothing.
//!
//! A [`Directory`] is built from a [`World`] (the JSON of `Directory.fromJSON`), answers
//! lookups by id, by sign-in name and by group membership, and turns back into a
//! canonical [`World`] (every list sorted by id) so two directories with the same content
//! serialize identically whatever their history.

mod addresses;
mod approval_index;
mod held;
mod link_key;
mod membership;
mod mutations;
mod partial;
mod people;
mod restore;
mod shared_cache;
mod slot_index;
mod table;
mod validate;

pub use approval_index::{ApprovalPostings, ApprovalRole};
pub use held::{id_digest, AddressLookup, Audience, IdDigest, Partial, SealedPerson};
pub use link_key::{set_host_random, LinkKey};
pub use membership::{Membership, Principal};
pub use people::{
    flags as search_flags, person as search_person, GUEST as SEARCH_FLAG_GUEST,
    PENDING as SEARCH_FLAG_PENDING,
};
pub use shared_cache::{SharedBytes, SharedCache};
#[cfg(feature = "full")]
pub(crate) use table::secret;
pub use table::{Keyed, Table};

use crate::error::{Error, Result};
use crate::model::{
    App, Approval, Connector, Flow, Group, JoinRequest, Tenant, User, UserType, World,
};
use crate::timestamp::Timestamp;
use addresses::AddressBook;
use approval_index::ApprovalIndex;
use membership::MemberOf;
use people::People;
use serde::Serialize;

/// Which kind of object an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    /// A tenant.
    Tenant,
    /// A user (member or guest object).
    User,
    /// A group.
    Group,
    /// An enterprise app.
    App,
    /// A flow.
    Flow,
    /// An approval.
    Approval,
    /// A connector.
    Connector,
    /// A join request.
    JoinRequest,
}

/// How many objects of each kind the directory holds (`dir.stats()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Tenants.
    pub tenants: usize,
    /// User objects, members and guests.
    pub users: usize,
    /// Member user objects.
    pub members: usize,
    /// Guest user objects.
    pub guests: usize,
    /// Guests whose invitation is not yet redeemed.
    pub pending_guests: usize,
    /// Groups.
    pub groups: usize,
    /// Apps.
    pub apps: usize,
    /// Flows.
    pub flows: usize,
    /// Approvals.
    pub approvals: usize,
    /// Connectors.
    pub connectors: usize,
    /// Join requests.
    pub join_requests: usize,
}

/// Everything guestpass knows, indexed for the questions it answers.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    tenants: Table<Tenant>,
    users: Table<User>,
    groups: Table<Group>,
    apps: Table<App>,
    flows: Table<Flow>,
    approvals: Table<Approval>,
    connectors: Table<Connector>,
    join_requests: Table<JoinRequest>,
    addresses: AddressBook,
    member_of: MemberOf,
    people: People,
    approval_index: ApprovalIndex,
    clock: Option<Timestamp>,
    /// The key of invitation redeem tickets (`link_key.rs`), made at the first invitation.
    link_key: Option<LinkKey>,
    version: u64,
    /// Set for a directory read from a view: whose part of which tenant it holds.
    partial: Option<Box<Partial>>,
    /// The views' shared parts written since the last change.
    shared_parts: SharedCache,
}

impl Directory {
    /// An empty directory.
    pub fn new() -> Self {
        Directory::default()
    }

    /// Builds a directory from a world, refusing it whole if anything in it is wrong:
    /// duplicate ids, references to objects that do not exist or belong to another
    /// tenant, run-only users on flows without a manual trigger, cycles of groups.
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// let dir = guestpass::directory::Directory::from_json_str(r#"{
    ///   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    ///                 "initialDomain": "contoso.onmicrosoft.com" }],
    ///   "users": [{ "id": "bob", "tenantId": "contoso", "displayName": "Bob",
    ///               "userPrincipalName": "bob@contoso.com" }]
    /// }"#)?;
    /// assert_eq!(dir.stats().users, 1);
    /// # Ok(()) }
    /// ```
    pub fn from_world(world: World) -> Result<Directory> {
        // Users take their slots in id order, so that a search's ties (broken by slot in
        // the people index) are already in user-id order: see `users_in_id_order`.
        let users = |mut users: Vec<User>, dir: &Directory| {
            crate::order::sort_by_text(&mut users, |u| u.id.as_str());
            collect(users, dir)
        };
        Directory::from_world_with(world, users, |dir| Ok(People::build(&dir.users)))
    }

    /// Whether users' slots are in user-id order (after a load, until a user is added out
    /// of that order): then people a search ranks alike already come in user-id order.
    pub fn users_in_id_order(&self) -> bool {
        self.users.in_key_order()
    }

    /// Whether people a search ranks alike (same score, same display name) come from the
    /// people index in user-id order: while slots are in user-id order, and in a view,
    /// whose writer indexes each tenant's people in user-id order before it keys them by
    /// rank (`view::shared`; `Directory::view_parts`). A view forged to break this would
    /// order only its own person's tied results otherwise.
    pub fn ties_in_id_order(&self) -> bool {
        self.users_in_id_order() || self.partial.is_some()
    }

    /// [`Directory::from_world`] with the user table and the people indexes supplied by
    /// the caller (a snapshot restores them instead of rebuilding them). Every check of
    /// the world runs the same either way.
    fn from_world_with(
        world: World,
        users: impl FnOnce(Vec<User>, &Directory) -> Result<Table<User>>,
        people: impl FnOnce(&Directory) -> Result<People>,
    ) -> Result<Directory> {
        let mut dir = Directory::new();
        dir.tenants = collect(world.tenants, &dir)?;
        dir.users = users(world.users, &dir)?;
        dir.groups = collect(world.groups, &dir)?;
        dir.apps = collect(world.apps, &dir)?;
        dir.flows = collect(world.flows, &dir)?;
        dir.approvals = collect(world.approvals, &dir)?;
        dir.connectors = collect(world.connectors, &dir)?;
        dir.join_requests = collect(world.join_requests, &dir)?;
        for tenant in dir.tenants.iter() {
            validate::tenant(&dir, tenant)?;
        }
        for user in dir.users.iter() {
            validate::user(&dir, user)?;
        }
        dir.addresses = AddressBook::build(&dir.users, &dir.tenants)?;
        for group in dir.groups.iter() {
            validate::group(&dir, group)?;
        }
        dir.member_of = MemberOf::build(&dir.groups, &dir.users);
        membership::check_no_cycles(&dir)?;
        for app in dir.apps.iter() {
            validate::app(&dir, app)?;
        }
        for flow in dir.flows.iter() {
            validate::flow(&dir, flow)?;
        }
        for approval in dir.approvals.iter() {
            validate::approval(&dir, approval)?;
        }
        for request in dir.join_requests.iter() {
            validate::join_request(&dir, request)?;
        }
        for connector in dir.connectors.iter() {
            validate::connector(connector)?;
        }
        dir.people = people(&dir)?;
        dir.approval_index = ApprovalIndex::build(&dir);
        Ok(dir)
    }

    /// Parses world JSON (see [`World`]) and builds a directory from it.
    pub fn from_json_str(json: &str) -> Result<Directory> {
        Directory::from_world(crate::json_path::parse(json)?)
    }

    /// The directory as a world, every list sorted by id: the canonical form.
    pub fn to_world(&self) -> World {
        World {
            tenants: self.tenants.sorted(),
            users: self.users.sorted(),
            groups: self.groups.sorted(),
            apps: self.apps.sorted(),
            flows: self.flows.sorted(),
            approvals: self.approvals.sorted(),
            connectors: self.connectors.sorted(),
            join_requests: self.join_requests.sorted(),
        }
    }

    /// The canonical world as JSON text.
    pub fn to_json_string(&self) -> Result<String> {
        serde_json::to_string(&self.to_world()).map_err(Error::from)
    }

    /// How many objects of each kind the directory holds.
    pub fn stats(&self) -> Stats {
        let guests = self.users.iter().filter(|u| u.is_guest()).count();
        Stats {
            tenants: self.tenants.len(),
            users: self.users.len(),
            members: self.users.len() - guests,
            guests,
            pending_guests: self.users.iter().filter(|u| u.is_pending()).count(),
            groups: self.groups.len(),
            apps: self.apps.len(),
            flows: self.flows.len(),
            approvals: self.approvals.len(),
            connectors: self.connectors.len(),
            join_requests: self.join_requests.len(),
        }
    }

    /// A counter that changes with every successful mutation (for caches).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The views' shared parts written at this version ([`crate::view`]).
    pub(crate) fn shared_parts(&self) -> &SharedCache {
        &self.shared_parts
    }

    /// The time the caller set for time-dependent answers (approval expiry, response
    /// times), if any. The clock is not part of the world: `to_world` and `to_json_string`
    /// leave it out and setting it does not change [`Directory::version`].
    pub fn clock(&self) -> Option<Timestamp> {
        self.clock
    }

    /// Sets (or with `None` clears) the clock; see [`Directory::clock`].
    pub fn set_clock(&mut self, now: Option<Timestamp>) {
        self.clock = now;
    }

    /// The key of this directory's invitation redeem tickets, if one was made or loaded.
    pub fn link_key(&self) -> Option<&LinkKey> {
        self.link_key.as_ref()
    }

    /// Sets the key of redeem tickets (32 secret random bytes): the Wasm boundary sets one
    /// from WebCrypto, and snapshots restore theirs. Links made under another key stop
    /// redeeming.
    pub fn set_link_key(&mut self, key: LinkKey) {
        self.link_key = Some(key);
    }

    /// Refuses (`INVALID_VALUE` naming `linkKey`) where this directory has no ticket key
    /// and none can be made: checked before an invitation changes anything.
    pub(crate) fn require_link_key_source(&self) -> Result<()> {
        if self.link_key.is_some() || LinkKey::can_make() {
            return Ok(());
        }
        Err(Error::InvalidValue {
            field: "linkKey".into(),
            reason: "no key for redeem links and no source of randomness: set one with set_link_key (32 random bytes)".into(),
        })
    }

    /// The key of redeem tickets, made now from the operating system's (or the host's)
    /// randomness when there is none yet; refused where there is no such randomness.
    pub(crate) fn link_key_or_new(&mut self) -> Result<&LinkKey> {
        if self.link_key.is_none() {
            self.link_key = LinkKey::from_os();
        }
        self.link_key.as_ref().ok_or_else(|| Error::InvalidValue {
            field: "linkKey".into(),
            reason: "no key for redeem links: set one with set_link_key (32 random bytes)".into(),
        })
    }

    /// Which kind of object this id names, if any.
    pub fn kind_of(&self, id: &str) -> Option<Kind> {
        if self.users.contains(id) {
            Some(Kind::User)
        } else if self.groups.contains(id) {
            Some(Kind::Group)
        } else if self.tenants.contains(id) {
            Some(Kind::Tenant)
        } else if self.flows.contains(id) {
            Some(Kind::Flow)
        } else if self.approvals.contains(id) {
            Some(Kind::Approval)
        } else if self.apps.contains(id) {
            Some(Kind::App)
        } else if self.connectors.contains(id) {
            Some(Kind::Connector)
        } else if self.join_requests.contains(id) {
            Some(Kind::JoinRequest)
        } else {
            None
        }
    }

    /// The tenant with this id.
    pub fn tenant(&self, id: &str) -> Option<&Tenant> {
        self.tenants.get(id)
    }

    /// The user object with this id.
    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.get(id)
    }

    /// The stable slot of a user (the key search indexes hold).
    pub fn user_slot(&self, id: &str) -> Option<u32> {
        self.users.slot_of(id)
    }

    /// The user in this slot.
    pub fn user_at(&self, slot: u32) -> Option<&User> {
        self.users.at(slot)
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.get(id)
    }

    /// The app with this id.
    pub fn app(&self, id: &str) -> Option<&App> {
        self.apps.get(id)
    }

    /// The flow with this id.
    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.get(id)
    }

    /// The approval with this id.
    pub fn approval(&self, id: &str) -> Option<&Approval> {
        self.approvals.get(id)
    }

    /// The connector with this id.
    pub fn connector(&self, id: &str) -> Option<&Connector> {
        self.connectors.get(id)
    }

    /// The join request with this id.
    pub fn join_request(&self, id: &str) -> Option<&JoinRequest> {
        self.join_requests.get(id)
    }

    /// Every tenant.
    pub fn tenants(&self) -> impl Iterator<Item = &Tenant> {
        self.tenants.iter()
    }

    /// Every user object.
    pub fn users(&self) -> impl Iterator<Item = &User> {
        self.users.iter()
    }

    /// Every user object with its slot.
    pub fn users_with_slots(&self) -> impl Iterator<Item = (u32, &User)> {
        self.users.iter_slots()
    }

    /// Every group.
    pub fn groups(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter()
    }

    /// Every app.
    pub fn apps(&self) -> impl Iterator<Item = &App> {
        self.apps.iter()
    }

    /// Every flow.
    pub fn flows(&self) -> impl Iterator<Item = &Flow> {
        self.flows.iter()
    }

    /// Every approval.
    pub fn approvals(&self) -> impl Iterator<Item = &Approval> {
        self.approvals.iter()
    }

    /// Every connector.
    pub fn connectors(&self) -> impl Iterator<Item = &Connector> {
        self.connectors.iter()
    }

    /// Every join request.
    pub fn join_requests(&self) -> impl Iterator<Item = &JoinRequest> {
        self.join_requests.iter()
    }

    /// The user of `tenant_id` named by `name`: an object id, a userPrincipalName or a
    /// mail address (case-insensitive), in that order. Refused with `AMBIGUOUS_USER` when
    /// `name` is no one's id or UPN but the mail of two or more users of the tenant.
    pub fn find_user_in_tenant(&self, tenant_id: &str, name: &str) -> Result<Option<&User>> {
        if let Some(user) = self.users.get(name) {
            if user.tenant_id == tenant_id {
                return Ok(Some(user));
            }
        }
        let slot = self.addresses.find(tenant_id, name, &self.users)?;
        Ok(slot.and_then(|slot| self.users.at(slot)))
    }

    /// The groups that directly contain this user or group.
    pub fn direct_groups_of(&self, principal: &str) -> Vec<&Group> {
        self.principal(principal)
            .map(|p| {
                self.member_of
                    .direct(p)
                    .iter()
                    .filter_map(|slot| self.groups.at(*slot))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every group this user or group belongs to, directly or through nested groups,
    /// each with the chain of groups it came through (nearest first).
    pub fn transitive_groups_of(&self, principal: &str) -> Vec<Membership> {
        membership::transitive(self, principal)
    }

    /// Whether `principal` is `group` or belongs to it (nested groups counting); the
    /// chain of groups from the principal up to `group` when it does.
    pub fn membership_path(&self, principal: &str, group: &str) -> Option<Vec<String>> {
        membership::path(self, principal, group)
    }

    /// Whether any guest or member of the given type exists (cheap helper for stats).
    pub fn count_users_of_type(&self, user_type: UserType) -> usize {
        self.users
            .iter()
            .filter(|u| u.user_type == user_type)
            .count()
    }

    /// The people-search index over the user objects of `tenant_id`, keyed by user slot.
    pub fn people_index(&self, tenant_id: &str) -> Option<&crate::search::PeopleIndex> {
        self.people.of(tenant_id)
    }

    pub(crate) fn principal(&self, id: &str) -> Option<Principal> {
        if let Some(slot) = self.users.slot_of(id) {
            Some(Principal::User(slot))
        } else {
            self.groups.slot_of(id).map(Principal::Group)
        }
    }

    pub(crate) fn group_slot(&self, id: &str) -> Option<u32> {
        self.groups.slot_of(id)
    }

    pub(crate) fn group_at(&self, slot: u32) -> Option<&Group> {
        self.groups.at(slot)
    }
}

fn collect<T: Keyed>(items: Vec<T>, dir: &Directory) -> Result<Table<T>> {
    for item in &items {
        let id = item.key();
        if dir.kind_of(id).is_some() {
            return Err(Error::DuplicateId(id.to_string()));
        }
    }
    // The objects become the table's slots where they lie: `map(Some)` collects in place,
    // so a million users are not held twice while the table is built. `from_slots`
    // checks each id (`validate::id`) and refuses one given twice.
    Table::from_slots(items.into_iter().map(Some).collect(), Vec::new())
}

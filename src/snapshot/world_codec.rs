//! The world inside a format-3 snapshot, in a compact binary form: one plain function
//! pair per kind of object, no generic serializer (the code stays small in the `.wasm`).
//!
//! Strings are length-prefixed UTF-8 (varint lengths), optional strings a varint of the
//! length plus one (0 for none), lists a varint count then their items, enums one byte
//! (their declaration order), booleans packed into a flags byte per object. Reading
//! refuses an unknown tag or flag bit, text that is not UTF-8 and a count the rest of the
//! body cannot hold (every object takes at least its `MIN_*` bytes), so nothing a forged
//! body says can make it allocate beyond a small multiple of its own size. What the
//! objects mean (references, limits, duplicates) is checked afterwards, exactly as for
//! `fromJSON`.
//!
//! Section order: the free user slots in reuse order (a `u64` count and `u32`s, so they
//! sit at the start of the body), the user count and the users slot by slot (free slots
//! skipped); then tenants, groups, apps, flows, approvals, connectors and join requests,
//! each a count and the objects sorted by id.

mod objects;

use crate::binary::{corrupt, Reader, Writer};
use crate::error::Result;
use crate::limits::MAX_USER_SLOTS;
use crate::model::{App, Approval, Connector, Flow, Group, JoinRequest, Tenant, User, World};
use objects::{
    read_app, read_approval, read_connector, read_flow, read_group, read_join_request, read_tenant,
    write_app, write_approval, write_connector, write_flow, write_group, write_join_request,
    write_tenant, MIN_APP, MIN_APPROVAL, MIN_CONNECTOR, MIN_FLOW, MIN_GROUP, MIN_JOIN_REQUEST,
    MIN_TENANT, MIN_USER,
};
/// One user, written and read as in the world section (a view's sealed records use them).
pub(crate) use objects::{read_user, write_user};

/// What a snapshot's world section holds: every list but the users, and the user slots
/// (`None` for a free slot) with the free slots in reuse order.
#[derive(Debug, Default)]
pub struct WorldParts {
    /// The world without its users.
    pub world: World,
    /// Every user slot in order; `None` is a free slot.
    pub slots: Vec<Option<User>>,
    /// The free slots in reuse order.
    pub free: Vec<u32>,
}

/// Writes the world section: `users` are the users slot by slot, skipping the `free`
/// slots (given in reuse order); the other lists are written in the order given.
pub fn write<'a>(
    w: &mut Writer,
    world: &WorldRefs<'a>,
    users: impl Iterator<Item = &'a User>,
    free: &[u32],
) {
    w.u32s(free);
    w.varint(world.user_count as u64);
    for u in users {
        write_user(w, u);
    }
    write_list(w, &world.tenants, write_tenant);
    write_list(w, &world.groups, write_group);
    write_list(w, &world.apps, write_app);
    write_list(w, &world.flows, write_flow);
    write_list(w, &world.approvals, write_approval);
    write_list(w, &world.connectors, write_connector);
    write_list(w, &world.join_requests, write_join_request);
}

/// A count, then each object (what [`list`] reads).
fn write_list<T>(w: &mut Writer, items: &[&T], item: fn(&mut Writer, &T)) {
    w.varint(items.len() as u64);
    for &t in items {
        item(w, t);
    }
}

/// The objects of a world by reference, in the order [`write`] writes them.
#[derive(Debug, Default)]
pub struct WorldRefs<'a> {
    /// Tenants.
    pub tenants: Vec<&'a Tenant>,
    /// How many users there are (they are written in slot order, not from here).
    pub user_count: usize,
    /// Groups.
    pub groups: Vec<&'a Group>,
    /// Apps.
    pub apps: Vec<&'a App>,
    /// Flows.
    pub flows: Vec<&'a Flow>,
    /// Approvals.
    pub approvals: Vec<&'a Approval>,
    /// Connectors.
    pub connectors: Vec<&'a Connector>,
    /// Join requests.
    pub join_requests: Vec<&'a JoinRequest>,
}

/// Reads the world section written by [`write`].
pub fn read(r: &mut Reader<'_>) -> Result<WorldParts> {
    read_with_room(r, 0)
}

/// [`read`], with the user slots' array made with room for `room_for_users` more (a
/// view's personal users join its shared ones without the array being copied).
pub fn read_with_room(r: &mut Reader<'_>, room_for_users: usize) -> Result<WorldParts> {
    let free = r.u32s("free user slots")?;
    let users = r.count(MIN_USER, "user count")?;
    let slot_count = users + free.len();
    if slot_count > MAX_USER_SLOTS {
        return Err(corrupt(format_args!(
            "{slot_count} user slots announced, more than a directory holds ({MAX_USER_SLOTS})"
        )));
    }
    let mut is_free = vec![false; slot_count];
    for &slot in &free {
        match is_free.get_mut(slot as usize) {
            Some(seen) if !*seen => *seen = true,
            _ => return Err(corrupt("the free user slots are not the unused ones")),
        }
    }
    let mut slots = Vec::with_capacity(slot_count.saturating_add(room_for_users));
    for free in is_free {
        slots.push(if free { None } else { Some(read_user(r)?) });
    }
    // Fields are read in the order they are written here.
    let world = World {
        tenants: list(r, MIN_TENANT, "tenant count", read_tenant)?,
        users: Vec::new(),
        groups: list(r, MIN_GROUP, "group count", read_group)?,
        apps: list(r, MIN_APP, "app count", read_app)?,
        flows: list(r, MIN_FLOW, "flow count", read_flow)?,
        approvals: list(r, MIN_APPROVAL, "approval count", read_approval)?,
        connectors: list(r, MIN_CONNECTOR, "connector count", read_connector)?,
        join_requests: list(r, MIN_JOIN_REQUEST, "join request count", read_join_request)?,
    };
    Ok(WorldParts { world, slots, free })
}

/// A count of objects of at least `min_size` bytes, then each object.
fn list<T>(
    r: &mut Reader<'_>,
    min_size: usize,
    what: &str,
    item: fn(&mut Reader<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let n = r.count(min_size, what)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(item(r)?);
    }
    Ok(out)
}

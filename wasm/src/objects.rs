//! The object table: every `Directory`, `Session` and `PeopleIndex` JavaScript holds is
//! a handle into a table this module owns, never a pointer.
//!
//! wasm-bindgen's own classes hand JavaScript a raw pointer and keep "freed" as a field
//! of the JavaScript wrapper, so a copy of a wrapper kept the pointer after `free()` and
//! reached freed memory (or another object reusing it). Here a handle is an index plus a
//! generation, in one JavaScript number: `free()` empties the slot and moves its
//! generation on, so a stale handle, a copied one or a made-up one names no live object
//! and is answered `OBJECT_FREED`; a live handle of another kind (a session's handle given
//! where a directory's is expected) is `INVALID_VALUE`. No sequence of calls, even
//! through the raw glue, reaches freed or foreign memory.
//!
//! A lookup hands out a clone (an `Rc`), and the table is never borrowed while JavaScript
//! runs, so a call may free its own object from a callback (a getter read by
//! `checkMany`): the slot is emptied at once, and the object itself goes when that call
//! returns.
//!
//! slotmap has the same idea, but its 64-bit keys would cross as a `BigInt` or two
//! numbers; one 53-bit number is what a JavaScript private field holds cheapest.

use super::directory::JsDirectory;
use super::error::to_js;
use super::people_index::JsPeopleIndex;
use super::session::JsSession;
use guestpass::error::Error;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// One object JavaScript holds a handle to.
pub enum Object {
    /// A `Directory` (itself a shared pointer to the directory its sessions share).
    Directory(JsDirectory),
    /// A `Session`.
    Session(Rc<JsSession>),
    /// The WebAssembly half of a `PeopleIndex`.
    PeopleIndex(Rc<RefCell<JsPeopleIndex>>),
}

/// Bits of a handle that hold the slot index: at most 16,777,216 live objects.
const INDEX_BITS: u32 = 24;
const INDEX_LIMIT: u64 = 1 << INDEX_BITS;
/// A slot is retired, never reused, once its generation reaches this: index and generation
/// together stay within the 53 bits a JavaScript number holds exactly.
const GENERATION_LIMIT: u32 = 1 << 29;

struct Slot {
    /// Starts at 1 (so no handle is 0) and moves on at every release.
    generation: u32,
    object: Option<Object>,
}

struct Table {
    slots: Vec<Slot>,
    /// Emptied slots, reused last-freed first.
    vacant: Vec<u32>,
    live: u32,
}

thread_local! {
    // `const`: no lazy-initialization check on the per-call lookup.
    static OBJECTS: RefCell<Table> = const {
        RefCell::new(Table {
            slots: Vec::new(),
            vacant: Vec::new(),
            live: 0,
        })
    };
}

fn encode(index: u32, generation: u32) -> f64 {
    (u64::from(generation) * INDEX_LIMIT + u64::from(index)) as f64
}

/// The slot index and generation a handle names, if it is a handle at all.
fn decode(handle: f64) -> Option<(usize, u32)> {
    if !(handle >= 1.0 && handle < (1u64 << 53) as f64 && handle.fract() == 0.0) {
        return None;
    }
    let bits = handle as u64;
    let generation = u32::try_from(bits >> INDEX_BITS).ok()?;
    Some(((bits % INDEX_LIMIT) as usize, generation))
}

/// Puts an object in the table; its handle.
pub fn insert(object: Object) -> Result<f64, JsValue> {
    OBJECTS.with(|table| {
        let mut table = table.try_borrow_mut().map_err(|_| table_busy())?;
        table.live += 1;
        if let Some(index) = table.vacant.pop() {
            if let Some(slot) = table.slots.get_mut(index as usize) {
                slot.object = Some(object);
                return Ok(encode(index, slot.generation));
            }
        }
        let index = u32::try_from(table.slots.len())
            .ok()
            .filter(|i| u64::from(*i) < INDEX_LIMIT)
            .ok_or_else(|| {
                to_js(&Error::LimitExceeded {
                    what: "live guestpass objects (directories, sessions, people indexes)".into(),
                    limit: INDEX_LIMIT as usize,
                })
            })?;
        table.slots.push(Slot {
            generation: 1,
            object: Some(object),
        });
        Ok(encode(index, 1))
    })
}

/// Empties the slot a handle names (`free()` of any of the package's objects). A stale,
/// copied or made-up handle does nothing, so `free()` twice is harmless. The object
/// itself is dropped here, or when the last call still using it returns.
#[wasm_bindgen]
pub fn release(handle: f64) {
    let Some((index, generation)) = decode(handle) else {
        return;
    };
    let released = OBJECTS.with(|table| {
        let mut table = table.try_borrow_mut().ok()?;
        let slot = table.slots.get_mut(index)?;
        if slot.generation != generation || slot.object.is_none() {
            return None;
        }
        let object = slot.object.take();
        slot.generation += 1;
        let reusable = slot.generation < GENERATION_LIMIT;
        table.live -= 1;
        if reusable {
            table.vacant.push(index as u32);
        }
        object
    });
    // Dropped outside the table's borrow: dropping a directory runs no JavaScript, but
    // nothing here relies on that.
    drop(released);
}

/// How many objects are live (handed out and not released): what tests read to tell
/// that nothing leaked.
#[wasm_bindgen(js_name = liveObjects)]
pub fn live_objects() -> u32 {
    OBJECTS.with(|table| table.try_borrow().map_or(0, |t| t.live))
}

/// The object a handle names, picked by `pick`, or the error that says why not:
/// `OBJECT_FREED` for a handle that names no live object, `INVALID_VALUE` for an object
/// of another kind.
fn lookup<T>(
    handle: f64,
    kind: &'static str,
    member: &'static str,
    pick: impl FnOnce(&Object) -> Option<T>,
) -> Result<T, JsValue> {
    let found = OBJECTS.with(|table| {
        let table = table.try_borrow().ok()?;
        let (index, generation) = decode(handle)?;
        let slot = table.slots.get(index)?;
        if slot.generation != generation {
            return None;
        }
        slot.object.as_ref().map(|object| pick(object).ok_or(()))
    });
    match found {
        Some(Ok(value)) => Ok(value),
        Some(Err(())) => Err(to_js(&Error::InvalidValue {
            field: "this".into(),
            reason: format!("{member} was called on an object that is not a {kind}"),
        })),
        None => Err(to_js(&Error::ObjectFreed {
            object: kind,
            member,
        })),
    }
}

/// The directory a handle names (`member` names the call, for the error).
pub fn directory(handle: f64, member: &'static str) -> Result<JsDirectory, JsValue> {
    lookup(handle, "Directory", member, |object| match object {
        Object::Directory(dir) => Some(dir.clone()),
        _ => None,
    })
}

/// The session a handle names.
#[inline]
pub fn session(handle: f64, member: &'static str) -> Result<Rc<JsSession>, JsValue> {
    lookup(handle, "Session", member, |object| match object {
        Object::Session(session) => Some(Rc::clone(session)),
        _ => None,
    })
}

/// The people index a handle names.
pub fn people_index(
    handle: f64,
    member: &'static str,
) -> Result<Rc<RefCell<JsPeopleIndex>>, JsValue> {
    lookup(handle, "PeopleIndex", member, |object| match object {
        Object::PeopleIndex(index) => Some(Rc::clone(index)),
        _ => None,
    })
}

#[cold]
fn table_busy() -> JsValue {
    to_js(&Error::invalid_input(
        "guestpass is busy with another call; call it again after that one returns",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_round_trip_and_stay_within_53_bits() {
        for (index, generation) in [
            (0, 1),
            (5, 7),
            (INDEX_LIMIT as u32 - 1, GENERATION_LIMIT - 1),
        ] {
            let handle = encode(index, generation);
            assert!(handle < (1u64 << 53) as f64);
            assert_eq!(decode(handle), Some((index as usize, generation)));
        }
        for bad in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, 1e300] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}

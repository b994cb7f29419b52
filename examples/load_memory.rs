//! Heap used by a directory loaded from a snapshot (`target/bench-data/sample-N-seed42.snap`,
//! written by `benches/load-memory.mjs`): the input, the peak during `from_bytes`, what the
//! loaded directory holds, and the part of it that is the user objects' own text. Native
//! pointers are twice as wide as Wasm's, so `String`/`Vec` headers count double here.
//!
//! `cargo run --release --example load_memory -- [USERS]`

use guestpass::directory::Directory;
use std::sync::atomic::Ordering;

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{CURRENT as NOW, PEAK};

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let users = std::env::args().nth(1).unwrap_or_else(|| "1000000".into());
    let path = format!("target/bench-data/sample-{users}-seed42.snap");
    let bytes = std::fs::read(&path)?;
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let dir = Directory::from_bytes(&bytes)?;
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let held = NOW.load(Ordering::Relaxed) - base;
    let people = dir.stats().users;
    let text: usize = dir
        .users()
        .map(|u| {
            let opt = |s: &Option<String>| s.as_ref().map_or(0, |s| s.capacity());
            u.id.capacity()
                + u.tenant_id.capacity()
                + u.display_name.capacity()
                + u.user_principal_name.capacity()
                + opt(&u.given_name)
                + opt(&u.surname)
                + opt(&u.mail)
                + opt(&u.job_title)
                + opt(&u.creation_type)
                + opt(&u.home_tenant_id)
                + opt(&u.home_user_id)
                + u.other_mails
                    .iter()
                    .map(|m| m.capacity() + 24)
                    .sum::<usize>()
                + u.licenses.iter().map(|m| m.capacity() + 24).sum::<usize>()
        })
        .sum();
    let index: usize = dir
        .tenants()
        .filter_map(|t| dir.people_index(&t.id))
        .map(|i| i.heap_bytes())
        .sum();
    println!(
        "people indexes {} ({} B/person)",
        mb(index),
        index / people.max(1)
    );
    println!(
        "{people} people from {} of snapshot: peak {} above the input, directory holds {} \
         ({} B/person), of which user text {} ({} B/person), user structs {} B each; {:?}",
        mb(bytes.len()),
        mb(peak),
        mb(held),
        held / people.max(1),
        mb(text),
        text / people.max(1),
        std::mem::size_of::<guestpass::model::User>(),
        dir.stats()
    );
    Ok(())
}

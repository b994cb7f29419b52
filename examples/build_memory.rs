//! Heap used while building a people index of the cached sample-world people
//! (`target/bench-data/people-N-seed42.json`, written by `benches/search-data.mjs`):
//! after the records are added (the bulk load) and at the peak of the build, against the
//! finished index. The package's memory figure is the WebAssembly memory the build
//! leaves grown, that is this peak (native pointers are twice as wide).
//!
//! `cargo run --release --example build_memory -- [USERS]`

use guestpass::search::{Key, PeopleIndex};
use std::sync::atomic::Ordering;

#[path = "support/bench_people.rs"]
mod bench_people;
#[path = "support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{CURRENT as NOW, PEAK};

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let users = std::env::args().nth(1).unwrap_or_else(|| "1000000".into());
    let people = bench_people::load(&users)?;
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mut index = PeopleIndex::new();
    let mut bulk = PeopleIndex::bulk(people.len());
    for (i, u) in people.iter().enumerate() {
        bulk.add(i as Key, &u.person(), 0);
    }
    let loaded = NOW.load(Ordering::Relaxed) - base;
    let load_peak = PEAK.load(Ordering::Relaxed) - base;
    index.finish_bulk(bulk);
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let end = NOW.load(Ordering::Relaxed) - base;
    println!(
        "{} people: bulk load holds {} (peak {}), build peak {}, index {} (heap_bytes {})",
        people.len(),
        mb(loaded),
        mb(load_peak),
        mb(peak),
        mb(end),
        mb(index.heap_bytes())
    );
    Ok(())
}

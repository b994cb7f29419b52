//! Heap used while building a people index of the cached sample-world people
//! (`target/bench-data/people-N-seed42.json`, written by `benches/search-data.mjs`):
//! after the records are added (the bulk load) and at the peak of the build, against the
//! finished index. The package's memory figure is the WebAssembly memory the build
//! leaves grown, that is this peak (native pointers are twice as wide).
//!
//! `cargo run --release --example build_memory -- [USERS]`

use guestpass::search::{Key, PeopleIndex, Person};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        if new > layout.size() {
            let now = NOW.fetch_add(new - layout.size(), Ordering::Relaxed) + new - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            NOW.fetch_sub(layout.size() - new, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct User {
    display_name: String,
    given_name: Option<String>,
    surname: Option<String>,
    mail: Option<String>,
    #[serde(default)]
    other_mails: Vec<String>,
    user_principal_name: String,
    job_title: Option<String>,
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let users = std::env::args().nth(1).unwrap_or_else(|| "1000000".into());
    let text = std::fs::read_to_string(format!("target/bench-data/people-{users}-seed42.json"))?;
    let people: Vec<User> = serde_json::from_str(&text)?;
    drop(text);
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mut index = PeopleIndex::new();
    let mut bulk = PeopleIndex::bulk(people.len());
    for (i, u) in people.iter().enumerate() {
        let person = Person {
            display_name: &u.display_name,
            given_name: u.given_name.as_deref(),
            surname: u.surname.as_deref(),
            mail: u.mail.as_deref(),
            other_mails: &u.other_mails,
            user_principal_name: &u.user_principal_name,
            job_title: u.job_title.as_deref(),
        };
        bulk.add(i as Key, &person, 0);
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

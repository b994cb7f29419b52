//! Times building a directory of N sample users from JSON and from a snapshot.
//! `cargo run --release --example load_timing -- 1000000`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::directory::Directory;
use guestpass::sample::{sample_world, SampleOptions};
use std::time::Instant;

fn main() {
    let users: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let world = sample_world(&SampleOptions { users, seed: 42 });
    let json = serde_json::to_string(&world).unwrap();
    let t = Instant::now();
    let dir = Directory::from_json_str(&json).unwrap();
    let from_json = t.elapsed();
    let bytes = dir.to_bytes().unwrap();
    let t = Instant::now();
    let w2: guestpass::model::World = serde_json::from_str(&json).unwrap();
    println!("json parse only {:?}", t.elapsed());
    let t = Instant::now();
    let _d2 = Directory::from_world(w2).unwrap();
    println!("from_world only {:?}", t.elapsed());
    let t = Instant::now();
    let _w3 = guestpass::snapshot::read_world(&bytes).unwrap();
    println!("msgpack decode only {:?}", t.elapsed());
    let t = Instant::now();
    let again = Directory::from_bytes(&bytes).unwrap();
    let from_bytes = t.elapsed();
    assert_eq!(again.stats(), dir.stats());
    println!(
        "users={users} json={:.1}MB fromJSON={:?} snapshot={:.1}MB fromBytes={:?}",
        json.len() as f64 / 1e6,
        from_json,
        bytes.len() as f64 / 1e6,
        from_bytes
    );
}

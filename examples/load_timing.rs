//! Times building a directory of N sample users from JSON and from a snapshot, natively.
//! `cargo run --release --example load_timing -- 1000000`
//!
//! Prints the JSON and snapshot sizes, `fromJSON` (parse + `from_world`) with its two
//! parts, `toBytes`, and `fromBytes` (median of `--runs`, default 1), then checks that the
//! loaded directory is the same one (`toBytes` of it equals the snapshot).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::directory::Directory;
use guestpass::model::World;
use guestpass_sample::{sample_world, SampleOptions};
use std::time::{Duration, Instant};

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let users: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let world = sample_world(&SampleOptions { users, seed: 42 });
    let json = serde_json::to_string(&world).unwrap();
    drop(world);

    let mut from_json = Vec::new();
    let mut parse = Vec::new();
    let mut build = Vec::new();
    let mut from_bytes = Vec::new();
    let mut bytes = Vec::new();
    let mut to_bytes = Duration::ZERO;
    for run in 0..runs {
        let (dir, t) = time(|| Directory::from_json_str(&json).unwrap());
        from_json.push(t);
        drop(dir);
        let (w, t) = time(|| guestpass::json_path::parse::<World>(&json).unwrap());
        parse.push(t);
        let (dir, t) = time(|| Directory::from_world(w).unwrap());
        build.push(t);
        if run == 0 {
            let (b, t) = time(|| dir.to_bytes().unwrap());
            bytes = b;
            to_bytes = t;
        }
        drop(dir);
        let (again, t) = time(|| Directory::from_bytes(&bytes).unwrap());
        from_bytes.push(t);
        if run == 0 {
            assert_eq!(again.to_bytes().unwrap(), bytes, "round trip");
        }
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (fj, fb) = (median(&mut from_json), median(&mut from_bytes));
    println!(
        "users={users} runs={runs} json={:.1}MB snapshot={:.1}MB",
        json.len() as f64 / 1e6,
        bytes.len() as f64 / 1e6
    );
    println!(
        "fromJSON={fj:.2?} (parse {:.2?} + from_world {:.2?}) toBytes={to_bytes:.2?} fromBytes={fb:.2?} speedup={:.2}x",
        median(&mut parse),
        median(&mut build),
        fj.as_secs_f64() / fb.as_secs_f64()
    );
}

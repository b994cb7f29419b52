//! Times the slow "surname + initial" keystrokes on the cached sample-world people
//! (`target/bench-data/people-N-seed42.json`, written by `benches/search-data.mjs`).
//!
//! `cargo run --release --example search_p99 -- [USERS] [QUERY,QUERY,...]`
//! prints each query's median of 51 runs and its result keys (to compare branches).
//! `… -- USERS @FILE` times every line of FILE once, in order, as typed keystrokes (after
//! one warm-up pass), and prints p50, p99 and the slowest: the JavaScript benchmark's
//! keystrokes natively, without the machine's scheduling noise in one run.

use guestpass::search::{Key, PeopleIndex};
use std::time::Instant;

#[path = "support/bench_people.rs"]
mod bench_people;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let users = args.first().map_or("1000000", String::as_str);
    let queries = args.get(1).map_or(
        "walker s,Walker S,Gupta Vi,gupta v,fang.c,giorgos.o,O'Connor S,smith j,garcia m",
        String::as_str,
    );
    let people = bench_people::load(users)?;
    let start = Instant::now();
    let index = PeopleIndex::from_people(
        people
            .iter()
            .enumerate()
            .map(|(i, u)| (i as Key, u.person(), 0)),
    );
    println!(
        "{} users: build {:.2} s",
        people.len(),
        start.elapsed().as_secs_f64()
    );
    if let Some(file) = queries.strip_prefix('@') {
        let text = std::fs::read_to_string(file)?;
        let keys: Vec<&str> = text.lines().collect();
        for q in &keys {
            index.search(q, 10, &mut |_, _| true)?;
        }
        let mut times: Vec<(u128, &str)> = Vec::with_capacity(keys.len());
        for q in &keys {
            let t = Instant::now();
            index.search(q, 10, &mut |_, _| true)?;
            times.push((t.elapsed().as_nanos(), q));
        }
        times.sort_unstable();
        let at = |p: usize| times.get(times.len() * p / 100).map_or(0, |t| t.0) as f64 / 1e3;
        println!(
            "{} keystrokes: p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs",
            times.len(),
            at(50),
            at(99),
            times.last().map_or(0, |t| t.0) as f64 / 1e3
        );
        let slowest: Vec<String> = times
            .iter()
            .rev()
            .take(100)
            .map(|(t, q)| format!("{q:?} {:.0}", *t as f64 / 1e3))
            .collect();
        println!("slowest (µs): {}", slowest.join(", "));
        return Ok(());
    }
    for q in queries.split(',') {
        let mut times: Vec<u128> = Vec::new();
        let mut keys = Vec::new();
        for _ in 0..51 {
            let t = Instant::now();
            let hits = index.search(q, 10, &mut |_, _| true)?;
            times.push(t.elapsed().as_nanos());
            keys = hits.iter().map(|h| h.key).collect::<Vec<_>>();
        }
        times.sort_unstable();
        let med = times.get(times.len() / 2).copied().unwrap_or(0);
        println!("{q:?}: median {:.1} µs  {keys:?}", med as f64 / 1e3);
    }
    Ok(())
}

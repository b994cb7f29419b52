//! Times `Session::search` (results serialized to JSON, as the package hands them to
//! JavaScript) against the bare index search with highlights, natively, over a world JSON
//! and a file of keystrokes (one a line), both written by JavaScript:
//!
//! `cargo run --release --example session_search -- WORLD.json KEYS.txt [member|guest]`
//!
//! Prints p50 / p99 of each path; run it under `perf record` to see where a session's
//! search spends beyond the index's.

use guestpass::directory::Directory;
use guestpass::search::Highlighter;
use guestpass::session::SearchOptions;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(world), Some(keys)) = (args.first(), args.get(1)) else {
        return Err("usage: session_search WORLD.json KEYS.txt [member|guest]".into());
    };
    let who = args.get(2).map_or("member", String::as_str);
    let t = Instant::now();
    let dir = Directory::from_json_str(&std::fs::read_to_string(world)?)?;
    println!("fromJSON {:.2} s", t.elapsed().as_secs_f64());
    let text = std::fs::read_to_string(keys)?;
    let keys: Vec<&str> = text.lines().collect();
    let world: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&args[0])?)?;
    let tenant = world["tenants"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let person = world["users"]
        .as_array()
        .and_then(|users| {
            users.iter().find(|u| {
                let guest = u["userType"] == "Guest";
                if who == "guest" {
                    guest && u["externalUserState"] == "Accepted"
                } else {
                    !guest
                }
            })
        })
        .and_then(|u| u["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let session = dir.sign_in(&tenant, &person)?;
    let options = SearchOptions {
        limit: Some(10),
        ..SearchOptions::default()
    };
    let index = dir.people_index(&tenant).ok_or("no index")?;
    let t = Instant::now();
    index.warm_short_prefixes();
    println!(
        "short prefixes computed again in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    if let Some(list) = args.get(3) {
        for q in list.split(',') {
            let mut best = u128::MAX;
            let mut best_ix = u128::MAX;
            for _ in 0..5 {
                let t = Instant::now();
                let found = session.search(&dir, q, &options)?;
                std::hint::black_box(serde_json::to_string(&found)?);
                best = best.min(t.elapsed().as_nanos());
                let t = Instant::now();
                std::hint::black_box(index.search(q, 11, &mut |_, _| true)?);
                best_ix = best_ix.min(t.elapsed().as_nanos());
            }
            let found = session.search(&dir, q, &options)?;
            let hits = index.search(q, 11, &mut |_, _| true)?;
            let mut t_search = u128::MAX;
            let mut t_json = u128::MAX;
            let mut t_order = u128::MAX;
            let mut t_hl = u128::MAX;
            for _ in 0..5 {
                let t = Instant::now();
                std::hint::black_box(session.search(&dir, q, &options)?);
                t_search = t_search.min(t.elapsed().as_nanos());
                let t = Instant::now();
                std::hint::black_box(serde_json::to_string(&found)?);
                t_json = t_json.min(t.elapsed().as_nanos());
                let t = Instant::now();
                for h in &hits {
                    std::hint::black_box(guestpass::search::display_order(
                        &dir.user_at(h.key)
                            .map(|u| u.display_name.clone())
                            .unwrap_or_default(),
                    ));
                }
                t_order = t_order.min(t.elapsed().as_nanos());
                let t = Instant::now();
                for h in &hits {
                    if let Some(u) = dir.user_at(h.key) {
                        std::hint::black_box(guestpass::search::highlight(
                            q,
                            &guestpass::directory::search_person(u),
                        ));
                    }
                }
                t_hl = t_hl.min(t.elapsed().as_nanos());
            }
            println!("{q:?}: session {} µs (search {t_search} ns, json {t_json} ns, 11 display orders {t_order} ns, 11 highlights {t_hl} ns), index (11) {} µs", best / 1000, best_ix / 1000);
        }
        return Ok(());
    }
    let rounds = 3;
    let mut session_times = Vec::new();
    let mut slow: Vec<(u128, &str)> = Vec::new();
    let mut index_times = Vec::new();
    for _ in 0..rounds {
        for q in &keys {
            let t = Instant::now();
            let found = session.search(&dir, q, &options)?;
            let mid = t.elapsed().as_nanos();
            let json = serde_json::to_string(&found)?;
            std::hint::black_box(json);
            session_times.push(t.elapsed().as_nanos());
            if t.elapsed().as_nanos() > 2_000_000 {
                eprintln!(
                    "slow {q:?}: search {} µs, total {} µs",
                    mid / 1000,
                    t.elapsed().as_nanos() / 1000
                );
            }
            slow.push((t.elapsed().as_nanos(), q));
            let t = Instant::now();
            let hits = index.search(q, 10, &mut |_, _| true)?;
            let mut hl = Highlighter::new(q);
            let mut n = 0;
            for h in &hits {
                if let Some(u) = dir.user_at(h.key) {
                    n += hl.highlight(&guestpass::directory::search_person(u)).len();
                }
            }
            std::hint::black_box(n);
            index_times.push(t.elapsed().as_nanos());
        }
    }
    slow.sort_unstable();
    let slowest: Vec<String> = slow
        .iter()
        .rev()
        .take(12)
        .map(|(t, q)| format!("{q:?} {} µs", t / 1000))
        .collect();
    println!("slowest session searches: {}", slowest.join(", "));
    for (name, mut times) in [
        ("session.search + JSON", session_times),
        ("index.search + highlights", index_times),
    ] {
        times.sort_unstable();
        let at = |p: usize| times.get(times.len() * p / 100).copied().unwrap_or(0) as f64 / 1e3;
        println!(
            "{name:28} p50 {:7.1} µs  p90 {:7.1} µs  p99 {:7.1} µs",
            at(50),
            at(90),
            at(99)
        );
    }
    Ok(())
}

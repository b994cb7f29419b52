//! Times loading the sample world from source pages, natively: from JSON text straight to
//! a world through typed rows (what `Directory.fromSources` runs), then building the
//! directory; beside the `Value`-tree path (`SourcesInput::from_json`, then reading it)
//! and parsing and building the same world from world JSON.
//! `cargo run --release --example sources_timing -- 100000` (sample counts), or
//! `… -- 100000 0.1 1` to copy flows and approvals up to one flow per 10 people and one
//! approval per person (the ratios, as `benches/sources-load.mjs` grows them).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "sources_timing/grow.rs"]
mod grow;

use guestpass::directory::Directory;
use guestpass::json_path::Origin;
use guestpass::model::World;
use guestpass::sources::{world_from_sources, world_from_sources_json, SourcesInput};
use guestpass_sample::sources::source_pages;
use guestpass_sample::{sample_world, SampleOptions};
use std::time::{Duration, Instant};

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

fn arg<T: std::str::FromStr>(at: usize) -> Option<T> {
    std::env::args().nth(at).and_then(|a| a.parse().ok())
}

fn main() {
    let users: usize = arg(1).unwrap_or(100_000);
    let world = sample_world(&SampleOptions { users, seed: 42 });
    let mut input = source_pages(&world);
    if let (Some(flows), Some(approvals)) = (arg::<f64>(2), arg::<f64>(3)) {
        grow::grow(&mut input, users, flows, approvals);
    }
    let pages = serde_json::to_string(&input).unwrap();
    drop(input);
    let (read, typed) = time(|| world_from_sources_json(&pages, Origin::Text).unwrap());
    let (value_input, parse) = time(|| SourcesInput::from_json(&pages).unwrap());
    let (_, graph_time) = time(|| guestpass::graph::world_from_graph(&value_input.graph).unwrap());
    let (_, read_time) = time(|| world_from_sources(&value_input).unwrap());
    drop(value_input);
    let world_json = serde_json::to_string(&read).unwrap();
    let (flows, approvals) = (read.flows.len(), read.approvals.len());
    let (_, build) = time(|| Directory::from_world(read).unwrap());
    let (parsed, world_parse) = time(|| serde_json::from_str::<World>(&world_json).unwrap());
    let (_, world_build) = time(|| Directory::from_world(parsed).unwrap());
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{users} users, {flows} flows, {approvals} approvals: pages {:.1} MB, world JSON {:.1} MB",
        pages.len() as f64 / 1e6,
        world_json.len() as f64 / 1e6
    );
    println!(
        "sources: text to world {:.0} ms (typed rows), build {:.0} ms; total {:.0} ms",
        ms(typed),
        ms(build),
        ms(typed + build)
    );
    println!(
        "  Value trees: parse {:.0} ms, read {:.0} ms (Graph alone {:.0} ms)",
        ms(parse),
        ms(read_time),
        ms(graph_time)
    );
    println!(
        "world:   parse {:.0} ms, build {:.0} ms; total {:.0} ms; ratio {:.2}x",
        ms(world_parse),
        ms(world_build),
        ms(world_parse + world_build),
        (typed + build).as_secs_f64() / (world_parse + world_build).as_secs_f64()
    );
}

//! Times loading the sample world from source pages, natively, in its three parts: parsing
//! the pages' JSON text, reading them into a world, and building the directory; beside
//! parsing and building the same world from world JSON.
//! `cargo run --release --example sources_timing -- 100000`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use guestpass::directory::Directory;
use guestpass::model::World;
use guestpass::sources::{world_from_sources, SourcesInput};
use guestpass_sample::sources::source_pages;
use guestpass_sample::{sample_world, SampleOptions};
use std::time::{Duration, Instant};

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

fn main() {
    let users: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let world = sample_world(&SampleOptions { users, seed: 42 });
    let pages = serde_json::to_string(&source_pages(&world)).unwrap();
    let (input, parse) = time(|| SourcesInput::from_json(&pages).unwrap());
    let (_, graph_time) = time(|| guestpass::graph::world_from_graph(&input.graph).unwrap());
    let (read, read_time) = time(|| world_from_sources(&input).unwrap());
    let world_json = serde_json::to_string(&read).unwrap();
    let (_, build) = time(|| Directory::from_world(read).unwrap());
    let (parsed, world_parse) = time(|| serde_json::from_str::<World>(&world_json).unwrap());
    let (_, world_build) = time(|| Directory::from_world(parsed).unwrap());
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{users} users: pages {:.1} MB, world JSON {:.1} MB",
        pages.len() as f64 / 1e6,
        world_json.len() as f64 / 1e6
    );
    println!(
        "sources: parse {:.0} ms, read {:.0} ms (Graph alone {:.0} ms), build {:.0} ms",
        ms(parse),
        ms(read_time),
        ms(graph_time),
        ms(build)
    );
    println!(
        "world:   parse {:.0} ms, build {:.0} ms",
        ms(world_parse),
        ms(world_build)
    );
}

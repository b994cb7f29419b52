//! Times the slow "surname + initial" keystrokes on the cached sample-world people
//! (`target/bench-data/people-N-seed42.json`, written by `benches/search-data.mjs`).
//!
//! `cargo run --release --example search_p99 -- [USERS] [QUERY,QUERY,...]`
//! prints each query's median of 51 runs and its result keys (to compare branches).

use guestpass::search::{Key, PeopleIndex, Person};
use std::time::Instant;

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct User {
    display_name: String,
    given_name: Option<String>,
    surname: Option<String>,
    mail: Option<String>,
    user_principal_name: String,
    job_title: Option<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let users = args.first().map_or("1000000", String::as_str);
    let queries = args.get(1).map_or(
        "walker s,Walker S,Gupta Vi,gupta v,fang.c,giorgos.o,O'Connor S,smith j,garcia m",
        String::as_str,
    );
    let path = format!("target/bench-data/people-{users}-seed42.json");
    let text = std::fs::read_to_string(&path)?;
    let people: Vec<User> = serde_json::from_str(&text)?;
    drop(text);
    let start = Instant::now();
    let index = PeopleIndex::from_people(people.iter().enumerate().map(|(i, u)| {
        (
            i as Key,
            Person {
                display_name: &u.display_name,
                given_name: u.given_name.as_deref(),
                surname: u.surname.as_deref(),
                mail: u.mail.as_deref(),
                other_mails: &[],
                user_principal_name: &u.user_principal_name,
                job_title: u.job_title.as_deref(),
            },
            0,
        )
    }));
    println!(
        "{} users: build {:.2} s",
        people.len(),
        start.elapsed().as_secs_f64()
    );
    for q in queries.split(',') {
        let mut times: Vec<u128> = Vec::new();
        let mut keys = Vec::new();
        for _ in 0..(if std::env::var("GP_REPS").is_ok() {
            2001
        } else {
            51
        }) {
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

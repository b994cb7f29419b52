//! Issue 17 item 3's figures, natively: a view in two parts for one member of a large
//! tenant. `cargo run --release --example view_timing -- 290000 [--runs 21] [--write DIR]`
//!
//! Builds the sample of N users (contoso holds about 35% of them), gives one member of
//! contoso exactly 20 flows and 50 approvals (adding flows they own and approvals they
//! requested), then prints: the tenant's size; `view_parts` of that member with the
//! shared part not built yet (it builds it) and already built (median and slowest of
//! `--runs`, and the median over other members); the shared part's size raw and gzipped
//! (flate2, default level, as HTTP compression would send it) and per person of the
//! tenant; the personal part's size raw and gzipped; `from_view_parts` natively. With
//! `--write DIR`, writes `personal.bin` and `shared.bin` there (for the browser bench).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use flate2::{write::GzEncoder, Compression};
use guestpass::directory::Directory;
use guestpass::model::{Approval, ApprovalStatus, Flow};
use guestpass_sample::{sample_world, SampleOptions};
use std::io::Write;
use std::time::{Duration, Instant};

fn gzip(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str) -> Option<T> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1)?.parse().ok()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// How many flows and approvals `user`'s view of contoso holds.
fn held(dir: &Directory, user: &str) -> (usize, usize) {
    let parts = dir.view_parts("contoso", user).unwrap();
    let view = Directory::from_view_parts(&parts.personal, &parts.shared).unwrap();
    let c = view.directory().view_contents().unwrap();
    (c.flows, c.approvals)
}

/// Gives `user` exactly 20 flows and 50 approvals of contoso, by adding their own.
fn top_up(dir: &mut Directory, user: &str) {
    let (flows, approvals) = held(dir, user);
    assert!(
        flows <= 20 && approvals <= 50,
        "{user}: {flows} flows, {approvals} approvals"
    );
    let flow: Flow = dir
        .flows()
        .find(|f| f.tenant_id == "contoso")
        .unwrap()
        .clone();
    for i in flows..20 {
        let mut f = flow.clone();
        f.id = format!("timing-flow-{i}");
        f.display_name = format!("Weekly report {i}");
        f.owner_id = user.to_string();
        f.co_owners.clear();
        f.run_only.clear();
        dir.upsert_flow(f).unwrap();
    }
    let approval: Approval = dir
        .approvals()
        .find(|a| a.tenant_id == "contoso" && a.status == ApprovalStatus::Pending)
        .unwrap()
        .clone();
    for i in approvals..50 {
        let mut a = approval.clone();
        a.id = format!("timing-approval-{i}");
        a.title = format!("Purchase order {i}");
        a.requester_id = user.to_string();
        dir.upsert_approval(a).unwrap();
    }
    assert_eq!(held(dir, user), (20, 50));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let users: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(290_000);
    let runs: usize = arg(&args, "--runs").unwrap_or(21);
    let started = Instant::now();
    let mut dir = Directory::from_world(sample_world(&SampleOptions { users, seed: 42 })).unwrap();
    let tenant = dir.users().filter(|u| u.tenant_id == "contoso").count();
    println!(
        "sample of {users} users built in {:?}; contoso holds {tenant} people",
        started.elapsed()
    );
    let members: Vec<String> = dir
        .users()
        .filter(|u| u.tenant_id == "contoso" && !u.is_guest())
        .map(|u| u.id.clone())
        .filter(|id| dir.sign_in("contoso", id).is_ok())
        .take(200)
        .collect();
    let person = members
        .iter()
        .find(|m| {
            let (f, a) = held(&dir, m);
            f <= 20 && a <= 50
        })
        .unwrap()
        .clone();
    top_up(&mut dir, &person);
    // A clone keeps no shared parts: the first view below builds it.
    let dir = dir.clone();

    let t = Instant::now();
    let first = dir.view_parts("contoso", &person).unwrap();
    let cold = t.elapsed();
    let mut warm = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let again = dir.view_parts("contoso", &person).unwrap();
        warm.push(t.elapsed());
        assert_eq!(again.shared_hash, first.shared_hash);
    }
    let mut others = Vec::new();
    for m in members.iter().filter(|m| **m != person).take(runs) {
        let t = Instant::now();
        let parts = dir.view_parts("contoso", m).unwrap();
        others.push(t.elapsed());
        assert_eq!(
            parts.shared_hash, first.shared_hash,
            "one shared part for members"
        );
    }
    let t = Instant::now();
    let view = Directory::from_view_parts(&first.personal, &first.shared).unwrap();
    let read = t.elapsed();
    let contents = view.directory().view_contents().unwrap();

    let shared_gz = gzip(&first.shared);
    let personal_gz = gzip(&first.personal);
    println!(
        "person: {person} (member of contoso) with {} flows and {} approvals",
        contents.flows, contents.approvals
    );
    println!("viewParts, shared part not built yet: {cold:?}");
    println!(
        "viewParts, shared part built: median {:?}, slowest {:?} ({runs} runs); other members: median {:?}, slowest {:?} ({} members)",
        median(warm.clone()),
        warm.iter().max().unwrap(),
        median(others.clone()),
        others.iter().max().unwrap(),
        others.len()
    );
    println!(
        "shared part: {} bytes raw, {shared_gz} gzipped = {:.1} bytes per person gzipped ({:.1} raw) over {tenant} people",
        first.shared.len(),
        shared_gz as f64 / tenant as f64,
        first.shared.len() as f64 / tenant as f64
    );
    println!(
        "personal part: {} bytes raw, {personal_gz} gzipped",
        first.personal.len()
    );
    println!(
        "fromViewParts natively: {read:?} ({} people readable)",
        contents.people
    );
    if let Some(out) = arg::<String>(&args, "--write") {
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(format!("{out}/personal.bin"), &first.personal).unwrap();
        std::fs::write(format!("{out}/shared.bin"), first.shared.as_slice()).unwrap();
        println!("wrote {out}/personal.bin and {out}/shared.bin");
    }
}

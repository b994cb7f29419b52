//! Native development benchmark of the typeahead engine (no JavaScript boundary).
//!
//! `cargo bench --bench search_native -- [USERS...]` (default: 100000 1000000) builds a
//! seeded directory of people with accented, hyphenated, apostrophe, particle and
//! non-Latin names, mails and guest `#EXT#` UPNs, then types queries one character at a
//! time — the display name, surname first, the mail's local part, without accents, words
//! out of order, and queries that match no one — and prints build time, index heap
//! (counted by a wrapping allocator), and per-keystroke latency percentiles.
//! The names come from a small generator local to this file; the project's sample-world
//! generator replaces it in the JavaScript benchmark.
//!
//! Environment: `SEARCH_BENCH_SLOW=<µs>` prints every keystroke slower than that;
//! `SEARCH_BENCH_QUERIES=a,b,c` prints the median of 101 runs of each query instead of
//! the typing sequences; `SEARCH_BENCH_BUILD_ONLY=1` stops after the build figures.
//! Build CPU time is reported beside wall time because the machine may be shared.

use guestpass::search::{normalize::fold, Key, PeopleIndex, Person};
use std::sync::atomic::Ordering;
use std::time::Instant;

#[path = "../examples/support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{CURRENT, PEAK};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Skewed toward the start of a list (common names are common).
    fn zipfish(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u) * n as f64) as usize % n.max(1)
    }
}

const GIVEN: &[&str] = &[
    "James",
    "John",
    "Mary",
    "Robert",
    "Patricia",
    "Michael",
    "Jennifer",
    "David",
    "Linda",
    "William",
    "Elizabeth",
    "Sarah",
    "Ann",
    "Anna",
    "Annabel",
    "Déborah",
    "Zoë",
    "Øyvind",
    "Łukasz",
    "José",
    "María",
    "François",
    "Jean-Luc",
    "Marie-Claire",
    "Björn",
    "Søren",
    "Siobhán",
    "Seán",
    "Minh",
    "Wei",
    "Hiroshi",
    "Yuki",
    "Иван",
    "Ольга",
    "Δημήτρης",
    "Ελένη",
    "محمد",
    "فاطمة",
    "太郎",
    "花子",
    "Ali",
    "Fatima",
    "Priya",
    "Rahul",
    "Chloé",
    "Jürgen",
    "Małgorzata",
    "Ægir",
    "Ines",
    "Noah",
    "Liam",
    "Olivia",
    "Emma",
    "Ava",
    "Sophia",
    "Lucas",
    "Mateo",
    "Hana",
    "Sven",
    "Nikolai",
    "Aleksandra",
    "Dmitri",
    "Kenji",
    "Mei",
    "Ayşe",
    "Thandiwe",
    "Kwame",
    "Amara",
    "Tomás",
    "Inés",
    "Raúl",
    "Ludovic",
    "Hélène",
    "Åsa",
    "Ólafur",
];

const SURNAMES: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "García-López",
    "O'Brien",
    "O'Neil",
    "van der Berg",
    "de la Cruz",
    "Müller",
    "Schröder",
    "Nguyễn",
    "Trần",
    "Lê",
    "Kowalski",
    "Wiśniewski",
    "Łukasiewicz",
    "Dubois",
    "Lefèvre",
    "Østergaard",
    "Håkansson",
    "山田",
    "田中",
    "佐藤",
    "Иванов",
    "Петрова",
    "Παπαδόπουλος",
    "Χατζής",
    "الحسن",
    "Kim",
    "Park",
    "Lee",
    "Singh",
    "Patel",
    "MacDonald",
    "D'Angelo",
    "Al-Farsi",
    "Martin",
    "Martínez",
    "Rodríguez",
    "Hernández",
    "Fernández",
    "González",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Nakamura",
    "Yılmaz",
    "Öztürk",
    "Jensen",
    "Nielsen",
    "Hansen",
    "Virtanen",
    "Korhonen",
    "Novák",
    "Dvořák",
    "Horváth",
    "Nagy",
    "Popescu",
    "Ionescu",
    "Murphy",
    "Kelly",
    "Walsh",
];

const SYLLABLES: &[&str] = &[
    "ka", "ri", "to", "mel", "an", "son", "ber", "lin", "da", "vi", "ro", "gan", "tes", "mar",
    "lo", "ne", "sa", "wen", "dor", "ick", "el", "bra", "hu", "stein", "ov", "ez", "ia", "ko",
];

const JOBS: &[&str] = &[
    "Software Engineer",
    "Senior Software Engineer",
    "Sales Manager",
    "Account Executive",
    "Marketing Specialist",
    "HR Business Partner",
    "Financial Analyst",
    "Product Manager",
    "Data Scientist",
    "Customer Success Manager",
    "Legal Counsel",
    "Operations Lead",
    "Designer",
    "Intern",
    "Director of Engineering",
    "Support Engineer",
    "Chief of Staff",
];

const DOMAINS: &[&str] = &[
    "contoso.com",
    "fabrikam.com",
    "tailspin.io",
    "northwind.org",
    "adatum.net",
    "litware.de",
];

fn synthetic(rng: &mut Rng, parts: usize) -> String {
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

struct Owned {
    display: String,
    given: String,
    surname: String,
    mail: String,
    upn: String,
    job: String,
}

fn ascii_local(s: &str) -> String {
    fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

fn generate(n: usize, seed: u64) -> Vec<Owned> {
    let mut rng = Rng(seed);
    // Pools: the listed names first (most common), then synthetic ones.
    let mut given: Vec<String> = GIVEN.iter().map(|s| s.to_string()).collect();
    while given.len() < 1500 {
        let parts = 2 + rng.below(2);
        given.push(synthetic(&mut rng, parts));
    }
    let mut surnames: Vec<String> = SURNAMES.iter().map(|s| s.to_string()).collect();
    while surnames.len() < 20000 {
        let parts = 2 + rng.below(3);
        surnames.push(synthetic(&mut rng, parts));
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let g = given[rng.zipfish(given.len())].clone();
        let s = surnames[rng.zipfish(surnames.len())].clone();
        let display = if rng.below(20) == 0 {
            format!("{s} {g}")
        } else if rng.below(10) == 0 {
            format!("{g} {} {s}", given[rng.zipfish(given.len())])
        } else {
            format!("{g} {s}")
        };
        let (lg, ls) = (ascii_local(&g), ascii_local(&s));
        let local = if lg.is_empty() || ls.is_empty() {
            format!("user{i}")
        } else if rng.below(4) == 0 {
            format!("{lg}.{ls}{}", rng.below(100))
        } else {
            format!("{lg}.{ls}")
        };
        let domain = DOMAINS[rng.zipfish(DOMAINS.len())];
        let mail = format!("{local}@{domain}");
        let upn = if rng.below(10) == 0 {
            format!("{local}_{domain}#EXT#@contoso.onmicrosoft.com")
        } else {
            mail.clone()
        };
        out.push(Owned {
            display,
            given: g,
            surname: s,
            mail,
            upn,
            job: JOBS[rng.zipfish(JOBS.len())].to_string(),
        });
    }
    out
}

fn person(o: &Owned) -> Person<'_> {
    Person {
        display_name: &o.display,
        given_name: Some(&o.given),
        surname: Some(&o.surname),
        mail: Some(&o.mail),
        other_mails: &[],
        user_principal_name: &o.upn,
        job_title: Some(&o.job),
    }
}

fn prefixes(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    (1..=chars.len())
        .map(|i| chars[..i].iter().collect())
        .collect()
}

fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

struct Form {
    name: &'static str,
    lat: Vec<u64>,
    top10: usize,
    finals: usize,
}

fn run_sequences(index: &PeopleIndex, people: &[Owned], seed: u64, label: &str) {
    // SEARCH_BENCH_SLOW=<µs> prints every keystroke slower than that.
    let show_slow: Option<u64> = std::env::var("SEARCH_BENCH_SLOW")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut rng = Rng(seed);
    let targets: Vec<usize> = (0..300).map(|_| rng.below(people.len())).collect();
    let mut forms: Vec<Form> = [
        "display name",
        "surname first",
        "mail local part",
        "unaccented",
        "out of order",
        "no match",
    ]
    .iter()
    .map(|&name| Form {
        name,
        lat: Vec::new(),
        top10: 0,
        finals: 0,
    })
    .collect();
    // Warm up.
    for t in targets.iter().take(20) {
        let _ = index.search(&people[*t].display, 10, &mut |_, _| true);
    }
    for &t in &targets {
        let p = &people[t];
        let mut words: Vec<&str> = p.display.split_whitespace().collect();
        words.reverse();
        let queries = [
            p.display.clone(),
            format!("{} {}", p.surname, p.given),
            p.mail.split('@').next().unwrap_or("").to_string(),
            fold(&p.display),
            words.join(" "),
            format!("zqx{}", ["vbn", "wk", "jjq", "xv"][rng.below(4)]),
        ];
        for (f, q) in forms.iter_mut().zip(queries.iter()) {
            let seq = prefixes(q);
            for (i, typed) in seq.iter().enumerate() {
                let start = Instant::now();
                let hits = index
                    .search(typed, 10, &mut |_, _| true)
                    .unwrap_or_default();
                let ns = start.elapsed().as_nanos() as u64;
                f.lat.push(ns);
                if show_slow.is_some_and(|us| ns > us * 1000) {
                    println!("    slow: {typed:?} {} µs", ns / 1000);
                }
                if i + 1 == seq.len() {
                    f.finals += 1;
                    if hits.iter().any(|h| h.key == t as Key) {
                        f.top10 += 1;
                    }
                }
            }
        }
    }
    let mut all: Vec<u64> = Vec::new();
    println!("  {label}");
    println!(
        "  {:<16} {:>9} {:>9} {:>9} {:>9} {:>8}",
        "form", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "top10"
    );
    for f in &mut forms {
        f.lat.sort_unstable();
        all.extend_from_slice(&f.lat);
        println!(
            "  {:<16} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>7.1}%",
            f.name,
            pct(&f.lat, 0.5),
            pct(&f.lat, 0.99),
            pct(&f.lat, 0.999),
            pct(&f.lat, 1.0),
            100.0 * f.top10 as f64 / f.finals.max(1) as f64
        );
    }
    all.sort_unstable();
    println!(
        "  {:<16} {:>9.2} {:>9.2} {:>9.2} {:>9.2}   ({} keystrokes)",
        "all",
        pct(&all, 0.5),
        pct(&all, 0.99),
        pct(&all, 0.999),
        pct(&all, 1.0),
        all.len()
    );
}

/// CPU seconds (user + system) used by this process so far: the machine is shared, so
/// wall time alone overstates the build.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of stat (utime, stime), counted after the command name.
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100_000, 1_000_000]
    } else {
        sizes
    };
    for n in sizes {
        let people = generate(n, 0x5eed ^ n as u64);
        let before = CURRENT.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let cpu = cpu_seconds();
        let start = Instant::now();
        let mut index = PeopleIndex::from_people(
            people
                .iter()
                .enumerate()
                .map(|(i, p)| (i as Key, person(p), 0)),
        );
        let build = start.elapsed();
        let build_cpu = cpu_seconds() - cpu;
        let heap = CURRENT.load(Ordering::Relaxed) - before;
        let peak = PEAK.load(Ordering::Relaxed) - before;
        println!(
            "{n} users: build {:.2} s ({:.2} s CPU), index heap {:.1} MB (estimate {:.1} MB), build peak {:.1} MB",
            build.as_secs_f64(),
            build_cpu,
            heap as f64 / 1e6,
            index.heap_bytes() as f64 / 1e6,
            peak as f64 / 1e6
        );
        if std::env::var_os("SEARCH_BENCH_BUILD_ONLY").is_some() {
            continue;
        }
        if let Ok(list) = std::env::var("SEARCH_BENCH_QUERIES") {
            // Median of 101 runs of each given query (for looking into one query).
            for q in list.split(',') {
                let mut t: Vec<u64> = (0..101)
                    .map(|_| {
                        let start = Instant::now();
                        let _ = index.search(q, 10, &mut |_, _| true);
                        start.elapsed().as_nanos() as u64
                    })
                    .collect();
                t.sort_unstable();
                println!("  {q:?}: median {:.1} µs", pct(&t, 0.5));
            }
            continue;
        }
        run_sequences(&index, &people, 7, "after bulk build (one segment)");
        // Incremental updates: replace 1% of the records one at a time, remove 0.1%.
        let extra = generate(n / 100, 99);
        let start = Instant::now();
        let mut worst = 0u128;
        for (i, p) in extra.iter().enumerate() {
            let t = Instant::now();
            index.upsert((i * 97 % n) as Key, &person(p), 0);
            worst = worst.max(t.elapsed().as_micros());
        }
        let per = start.elapsed().as_secs_f64() * 1e6 / extra.len().max(1) as f64;
        for i in 0..n / 1000 {
            index.remove((i * 31 % n) as Key);
        }
        println!(
            "  {} upserts: {:.1} µs each on average, slowest {} µs (a merge); {} removes; now {} records in {} segments",
            extra.len(),
            per,
            worst,
            n / 1000,
            index.len(),
            index.segment_count()
        );
        run_sequences(&index, &people, 8, "after updates");
        println!();
    }
}

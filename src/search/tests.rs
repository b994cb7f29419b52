//! The search engine's tests that need its insides: the bounded search against scoring
//! every record, merged segments against several, and the highlighter's fast paths
//! against its general one.

use super::index::Forward;
use super::query::Searcher;
use super::query_words::{query_words, QueryWords};
use super::rank::{score, Scratch, SegWord};
use super::*;

/// What a test returns: `?` reports a refused search or a missing key as a failure.
type Outcome<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Scores every live record: what the bounded search must return.
fn naive(
    index: &PeopleIndex,
    query: &str,
    limit: usize,
    accept: &mut dyn FnMut(Key, u32) -> bool,
) -> Outcome<Vec<(Key, Score)>> {
    let QueryWords {
        words,
        elements,
        local,
    } = query_words(query)?;
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let mut all: Vec<(Score, String, Key)> = Vec::new();
    let mut fwd = Forward::default();
    let mut scratch = Scratch::default();
    for seg in &index.segments {
        let resolve = |w: &String| {
            let (lo, hi) = seg.prefix_range(w);
            let exact = (lo < hi && seg.term(lo) == w.as_str()).then_some(lo);
            SegWord { lo, hi, exact }
        };
        let sw: Vec<SegWord> = words.iter().map(resolve).collect();
        let se: Vec<SegWord> = elements.iter().map(resolve).collect();
        for rank in 0..seg.len() {
            if seg.is_dead(rank) {
                continue;
            }
            seg.forward(rank, &mut fwd);
            let Some(mut sc) = score(&sw, &se, &fwd, &mut scratch) else {
                continue;
            };
            if local.is_some_and(|h| seg.ranks_with_address(h).any(|r| r == rank)) {
                sc.local = 1;
            }
            let key = seg.key(rank).ok_or("a live rank without a key")?;
            if !accept(key, seg.flags(rank)) {
                continue;
            }
            let name: Vec<&str> = fwd.display.iter().map(|&t| seg.term(t)).collect();
            all.push((sc, name.join("\0"), key));
        }
    }
    all.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    Ok(all
        .into_iter()
        .take(limit)
        .map(|(s, _, k)| (k, s))
        .collect())
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const GIVEN: &[&str] = &[
    "Ann", "Anna", "Annabel", "John", "Johnny", "Jo", "J", "Sam", "Samuel", "Zoë", "Ōta",
    "Jean-Luc", "Mary", "Smith",
];
const SUR: &[&str] = &[
    "Smith",
    "Smithers",
    "Smyth",
    "O'Brien",
    "García-López",
    "Ann",
    "John",
    "Johnson",
    "van der Berg",
    "S",
    "Sam",
    "Lee",
];
const JOBS: &[&str] = &[
    "Sales Manager",
    "Engineer",
    "Smith",
    "Annotator",
    "",
    "Lead John",
];

fn random_index(rng: &mut Rng, n: u32) -> PeopleIndex {
    let mut index = PeopleIndex::new();
    let mut batch: Vec<(Key, String, String, String, u32)> = Vec::new();
    for key in 0..n {
        let g = rng.pick(GIVEN);
        let s = rng.pick(SUR);
        let display = match rng.next() % 4 {
            0 => format!("{s} {g}"),
            1 => format!("{g} {} {s}", rng.pick(GIVEN)),
            _ => format!("{g} {s}"),
        };
        let mail = format!("{}.{}@x{}.com", fold(g), fold(s), rng.next() % 3);
        let job = rng.pick(JOBS).to_string();
        batch.push((key, display, mail, job, (rng.next() % 4) as u32));
    }
    fn person(r: &(Key, String, String, String, u32)) -> Person<'_> {
        Person {
            display_name: &r.1,
            given_name: None,
            surname: None,
            mail: Some(&r.2),
            other_mails: &[],
            user_principal_name: &r.2,
            job_title: Some(&r.3),
        }
    }
    let (bulk, single) = batch.split_at(batch.len() * 2 / 3);
    index.extend(bulk.iter().map(|r| (r.0, person(r), r.4)));
    for r in single {
        index.upsert(r.0, &person(r), r.4);
    }
    for key in (0..n).filter(|k| k % 7 == 3) {
        index.remove(key);
    }
    // Re-add a few removed ones with other names, through single upserts.
    for r in batch.iter().filter(|r| r.0 % 14 == 3) {
        let mut r2 = r.clone();
        r2.1 = format!("Sam {}", r.1);
        index.upsert(r2.0, &person(&r2), r2.4);
    }
    index
}

fn fold(s: &str) -> String {
    normalize::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[test]
fn bounded_search_equals_scoring_everything() -> Outcome {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let index = random_index(&mut rng, 1500);
    assert!(index.segments.len() >= 2, "exercise several segments");
    let queries = [
        "a",
        "an",
        "ann",
        "anna",
        "j",
        "jo",
        "john",
        "john s",
        "john sm",
        "john smith",
        "smith john",
        "smith j",
        "s",
        "sam",
        "sam s",
        "j s",
        "jo sm",
        "o",
        "o b",
        "obrien",
        "garcia",
        "lopez garcia",
        "van der",
        "der berg",
        "ann ann",
        "x1",
        "sales",
        "sa",
        "lead",
        "zoe",
        "ota",
        "annabel smith",
        "j j",
        "john smith sales",
        "s s s",
        "mary j",
        "jean",
        "luc",
        "jeanluc",
        "smithers",
        "x0 com",
        "com",
    ];
    for q in queries {
        for limit in [1usize, 3, 10, 40] {
            for filter in 0..3u32 {
                let mut accept = |key: Key, flags: u32| match filter {
                    0 => true,
                    1 => flags != 1,
                    _ => key % 5 == 0,
                };
                let want = naive(&index, q, limit, &mut accept)?;
                for (budget, small_exact, score_max) in [
                    (None, None, None),
                    (Some(0), None, None),
                    (Some(7), None, None),
                    (None, Some(0), None),
                    (Some(3), None, Some(0)),
                ] {
                    let mut searcher = Searcher::default();
                    searcher.budget = budget;
                    searcher.small_exact = small_exact;
                    searcher.score_max = score_max;
                    let got: Vec<(Key, Score)> = index
                        .search_with(searcher, q, limit, &mut accept)?
                        .into_iter()
                        .map(|h| (h.key, h.score))
                        .collect();
                    assert_eq!(
                        got, want,
                        "query {q:?} limit {limit} filter {filter} budget {budget:?} small {small_exact:?}"
                    );
                }
            }
        }
    }
    Ok(())
}

#[test]
fn bounded_search_equals_scoring_everything_on_long_lists() -> Outcome {
    // Enough records for posting lists with skip tables.
    let mut rng = Rng(7);
    let index = random_index(&mut rng, 9000);
    for q in [
        "j",
        "john s",
        "smith j",
        "ann ann",
        "o b",
        "sam",
        "x1 com",
        "lead john",
        "jo sm",
    ] {
        for filter in [0u32, 2] {
            let mut accept = |key: Key, _flags: u32| filter == 0 || key % 5 == 0;
            let want = naive(&index, q, 10, &mut accept)?;
            for (budget, score_max) in [(None, None), (Some(0), None), (Some(3), Some(0))] {
                let mut searcher = Searcher::default();
                searcher.budget = budget;
                searcher.score_max = score_max;
                let got: Vec<(Key, Score)> = index
                    .search_with(searcher, q, 10, &mut accept)?
                    .into_iter()
                    .map(|h| (h.key, h.score))
                    .collect();
                assert_eq!(got, want, "query {q:?} filter {filter} budget {budget:?}");
            }
        }
    }
    Ok(())
}

#[test]
fn surname_and_initial_equals_scoring_everything() -> Outcome {
    // "Surname + initial": a common first word, then a letter or two that start a
    // large part of the dictionary. Every way of narrowing (the bounded search alone,
    // the rarest word's candidates checked one by one, the postings intersected, the
    // resumed search) must give the brute-force ranking.
    let mut rng = Rng(11);
    let index = random_index(&mut rng, 4000);
    for q in [
        "smith j",
        "smith s",
        "johnson a",
        "garcia lopez m",
        "lee sa",
        "obrien j",
        "smith.j",
        "john s",
        "berg v",
    ] {
        for filter in [0u32, 2] {
            let mut accept = |key: Key, _flags: u32| filter == 0 || key % 5 == 0;
            for limit in [1usize, 10, 40] {
                let want = naive(&index, q, limit, &mut accept)?;
                for (budget, score_max, check_cost) in [
                    (None, None, None),
                    (Some(0), None, Some(0)),
                    (Some(5), None, Some(0)),
                    (Some(0), None, Some(u64::MAX)),
                    (Some(3), Some(0), Some(0)),
                ] {
                    let mut searcher = Searcher::default();
                    searcher.budget = budget;
                    searcher.score_max = score_max;
                    searcher.check_cost = check_cost;
                    let got: Vec<(Key, Score)> = index
                        .search_with(searcher, q, limit, &mut accept)?
                        .into_iter()
                        .map(|h| (h.key, h.score))
                        .collect();
                    assert_eq!(
                        got, want,
                        "query {q:?} limit {limit} filter {filter} budget {budget:?} check {check_cost:?}"
                    );
                }
            }
        }
    }
    Ok(())
}

#[test]
fn one_segment_after_merging_answers_the_same() -> Outcome {
    let mut rng = Rng(42);
    let index = random_index(&mut rng, 600);
    let mut merged = index.clone();
    let segs = std::mem::take(&mut merged.segments);
    merged.live = 0;
    merged.merge(&segs);
    assert_eq!(merged.segments.len(), 1);
    assert_eq!(merged.len(), index.len());
    for q in ["j", "john s", "smith", "ann", "o b", "sam"] {
        let a = index.search(q, 25, &mut |_, _| true)?;
        let b = merged.search(q, 25, &mut |_, _| true)?;
        assert_eq!(a, b, "{q}");
    }
    Ok(())
}

#[test]
fn an_index_keyed_by_rank_finds_the_same_people() -> Outcome {
    let mut rng = Rng(7);
    let mut index = random_index(&mut rng, 600);
    assert!(index.segments.len() > 1);
    assert_eq!(
        index.clone().key_by_rank(),
        None,
        "several segments: unchanged"
    );
    let segs = std::mem::take(&mut index.segments);
    index.live = 0;
    index.merge(&segs);
    let mut by_rank = index.clone();
    let order = by_rank
        .key_by_rank()
        .ok_or("one segment, nothing removed: keyed by rank")?;
    assert_eq!(order.len(), index.len());
    for q in ["j", "john s", "smith", "ann", "o b", "sam", "x1.com"] {
        let want = index.search(q, 25, &mut |_, _| true)?;
        let mut got = by_rank.search(q, 25, &mut |_, _| true)?;
        for hit in &mut got {
            hit.key = *order
                .get(hit.key as usize)
                .ok_or("a hit past the records")?;
        }
        assert_eq!(got, want, "{q}");
    }
    Ok(())
}

/// Asserts that a highlighter changed by `variant` gives `person` the same ranges.
fn same_highlights(query: &str, person: &Person<'_>, variant: impl Fn(&mut Highlighter)) {
    let mut other = Highlighter::new(query);
    variant(&mut other);
    assert_eq!(
        Highlighter::new(query).highlight(person),
        other.highlight(person),
        "{person:?} query {query:?}"
    );
}

#[test]
fn reused_ranges_equal_each_field_highlighted_on_its_own() {
    let mut rng = Rng(7);
    let pieces = [
        "Ann",
        "anna",
        "Jean-Luc",
        "O'Brien",
        "Zoë",
        "e\u{301}mile",
        "Łukasz",
        "Δήμη",
        "山田",
        "太郎",
        "ß",
        "de",
        "la",
        "x",
        "Ann-",
        "",
        "Van",
        "der",
    ];
    let mails = ["ann@contoso.com", "jean-luc.o'brien@x.com", "zoe@y.com", ""];
    for _ in 0..6000 {
        let given = rng.pick(&pieces);
        let surname = format!("{} {}", rng.pick(&pieces), rng.pick(&pieces))
            .trim()
            .to_string();
        let display = if rng.next() % 4 == 0 {
            format!("{surname}, {given}")
        } else {
            format!("{given} {surname}")
        };
        let mail = rng.pick(&mails);
        let upn = if rng.next() % 3 == 0 {
            rng.pick(&mails).to_string()
        } else {
            mail.to_string()
        };
        let query = format!(
            "{} {}",
            rng.pick(&pieces),
            rng.pick(&["a", "e", "j", "ł", ""])
        );
        let query: String = query.chars().take(1 + (rng.next() % 6) as usize).collect();
        let person = Person {
            display_name: &display,
            given_name: Some(given),
            surname: Some(&surname),
            mail: Some(mail),
            user_principal_name: &upn,
            ..Person::default()
        };
        same_highlights(&query, &person, |alone| alone.no_reuse = true);
    }
}

#[test]
fn ascii_highlights_equal_folded_ones() {
    let mut rng = Rng(99);
    let alphabet = b"abAB09 -'`.@_x";
    for _ in 0..4000 {
        let len = (rng.next() % 14) as usize;
        let text: String = (0..len)
            .map(|_| char::from(alphabet[(rng.next() % alphabet.len() as u64) as usize]))
            .collect();
        let qlen = 1 + (rng.next() % 4) as usize;
        let query: String = (0..qlen)
            .map(|_| char::from(alphabet[(rng.next() % alphabet.len() as u64) as usize]))
            .collect();
        let person = Person {
            display_name: &text,
            user_principal_name: "",
            ..Person::default()
        };
        same_highlights(&query, &person, |slow| slow.general_only = true);
    }
}

/// Every one- and two-character query of the test names, and a few that match nothing.
fn short_queries() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in GIVEN.iter().chain(SUR).chain(JOBS) {
        let folded = fold(word);
        let chars: Vec<char> = folded.chars().collect();
        for n in 1..=2usize.min(chars.len()) {
            out.push(chars.get(..n).unwrap_or_default().iter().collect());
        }
    }
    out.extend(["q", "zz", "x0", "7", "É", "Jo", "SM"].map(str::to_string));
    out.sort();
    out.dedup();
    out
}

/// Kept short-prefix answers equal the full ranking's first results, for every filter and
/// limit, after the bulk build that computed them and after upserts and removals.
#[test]
fn short_prefix_answers_equal_the_full_ranking_after_updates() -> Outcome {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut index = PeopleIndex::new();
    index.short.min_records = 0;
    index.short.warm_after = 100;
    let records: Vec<(Key, String, String, String, u32)> = (0..1200u32)
        .map(|key| {
            let (g, s) = (rng.pick(GIVEN), rng.pick(SUR));
            let display = if key % 5 == 0 {
                format!("{s} {g}")
            } else {
                format!("{g} {s}")
            };
            let mail = format!("{}.{}@x{}.com", fold(g), fold(s), key % 3);
            (key, display, mail, rng.pick(JOBS).to_string(), key % 3)
        })
        .collect();
    fn person(r: &(Key, String, String, String, u32)) -> (Key, Person<'_>, u32) {
        let p = Person {
            display_name: &r.1,
            mail: Some(&r.2),
            user_principal_name: &r.2,
            job_title: Some(&r.3),
            ..Person::default()
        };
        (r.0, p, r.4)
    }
    index.extend(records.iter().map(person));
    assert!(
        index.short.len() > 20,
        "the bulk build kept the short prefixes"
    );
    let queries = short_queries();
    let check = |index: &PeopleIndex, step: &str| -> Outcome {
        for q in &queries {
            for limit in [1usize, 3, 10, 11, 40, 101] {
                for filter in 0..3u32 {
                    let mut accept = |key: Key, flags: u32| match filter {
                        0 => true,
                        1 => flags != 1,
                        _ => key % 5 == 0,
                    };
                    let got: Vec<(Key, Score)> = index
                        .search(q, limit, &mut accept)?
                        .into_iter()
                        .map(|h| (h.key, h.score))
                        .collect();
                    let want = naive(index, q, limit, &mut accept)?;
                    assert_eq!(got, want, "{step}: {q:?}, limit {limit}, filter {filter}");
                }
            }
        }
        Ok(())
    };
    check(&index, "after the bulk build")?;
    // Removals, then upserts of new people and of changed ones (a name that now starts
    // with a kept prefix, flags that change), one at a time.
    for key in (0..1200u32).filter(|k| k % 9 == 4) {
        index.remove(key);
    }
    check(&index, "after removals")?;
    let mut changed = Vec::new();
    for (i, r) in records.iter().enumerate().filter(|(i, _)| i % 11 == 0) {
        let mut r = r.clone();
        r.1 = format!("{} {}", rng.pick(GIVEN), r.1);
        r.4 = (r.4 + 1) % 3;
        if i % 2 == 0 {
            r.0 += 5000;
        }
        changed.push(r);
    }
    for r in &changed {
        let (key, p, flags) = person(r);
        index.upsert(key, &p, flags);
    }
    check(&index, "after upserts")?;
    let kept_before = index.short.len();
    for q in &queries {
        index.search(q, 10, &mut |_, _| true)?;
    }
    assert!(
        index.short.len() >= kept_before,
        "dropped lists are computed again"
    );
    check(&index, "after the lists were computed again")?;
    Ok(())
}

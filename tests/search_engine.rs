//! The typeahead engine's rules, through its public API only.

// Test helpers may unwrap: a failure here is a failed test, not a crashed Wasm instance.
#![allow(clippy::unwrap_used)]

use guestpass::search::{highlight, Field, Highlight, Key, PeopleIndex, Person, MAX_QUERY_CHARS};

struct Rec {
    key: Key,
    display: &'static str,
    given: Option<&'static str>,
    surname: Option<&'static str>,
    mail: Option<&'static str>,
    other: Vec<String>,
    upn: &'static str,
    job: Option<&'static str>,
    flags: u32,
}

fn rec(key: Key, display: &'static str, mail: &'static str) -> Rec {
    Rec {
        key,
        display,
        given: None,
        surname: None,
        mail: Some(mail),
        other: Vec::new(),
        upn: mail,
        job: None,
        flags: 0,
    }
}

impl Rec {
    fn person(&self) -> Person<'_> {
        Person {
            display_name: self.display,
            given_name: self.given,
            surname: self.surname,
            mail: self.mail,
            other_mails: &self.other,
            user_principal_name: self.upn,
            job_title: self.job,
        }
    }
}

fn index_of(recs: &[Rec]) -> PeopleIndex {
    PeopleIndex::from_people(recs.iter().map(|r| (r.key, r.person(), r.flags)))
}

fn keys(index: &PeopleIndex, query: &str) -> Vec<Key> {
    index
        .search(query, 20, &mut |_, _| true)
        .unwrap()
        .iter()
        .map(|h| h.key)
        .collect()
}

fn people() -> Vec<Rec> {
    vec![
        rec(1, "Déborah Lefèvre", "deborah.lefevre@contoso.com"),
        rec(2, "Sean O'Brien", "sean.obrien@contoso.com"),
        rec(3, "María García-López", "maria.garcia@contoso.com"),
        rec(4, "John Smith", "john.smith@contoso.com"),
        rec(5, "Alice Martin", "alice.martin@contoso.com"),
        rec(6, "Zoë Øyvind Łukasz", "zoe@contoso.com"),
        rec(7, "Nguyễn Văn An", "nguyen@contoso.com"),
        rec(8, "山田太郎", "yamada@contoso.jp"),
        rec(9, "Иван Петров", "ivan@contoso.ru"),
        rec(10, "Οδυσσέας Ελύτης", "odysseas@contoso.gr"),
        rec(11, "محمد علي", "mohamed@contoso.com"),
        rec(12, "Hans Straße", "hans@contoso.de"),
        Rec {
            job: Some("Sales Manager"),
            ..rec(13, "Pat Lee", "pat@contoso.com")
        },
    ]
}

#[test]
fn accents_and_case_are_folded() {
    let index = index_of(&people());
    assert_eq!(keys(&index, "deb"), vec![1]);
    assert_eq!(keys(&index, "DÉB"), vec![1]);
    assert_eq!(keys(&index, "lefevre"), vec![1]);
    assert_eq!(keys(&index, "zoe"), vec![6]);
    assert_eq!(keys(&index, "oyvind"), vec![6]);
    assert_eq!(keys(&index, "lukasz"), vec![6]);
    assert_eq!(keys(&index, "nguyen"), vec![7]);
    assert_eq!(keys(&index, "strasse"), vec![12]);
    assert_eq!(keys(&index, "straße"), vec![12]);
}

#[test]
fn punctuation_and_compounds() {
    let index = index_of(&people());
    for q in ["obrien", "o brien", "o'brien", "O’Brien", "o'b", "OBRI"] {
        assert_eq!(keys(&index, q), vec![2], "query {q:?}");
    }
    for q in [
        "lopez",
        "garcia lopez",
        "garcia-lopez",
        "garcialopez",
        "lópez garcía",
    ] {
        assert_eq!(keys(&index, q), vec![3], "query {q:?}");
    }
}

#[test]
fn words_match_in_any_order_each_on_its_own_word() {
    let index = index_of(&people());
    assert_eq!(keys(&index, "smith john"), vec![4]);
    assert_eq!(keys(&index, "john sm"), vec![4]);
    assert_eq!(keys(&index, "sm jo"), vec![4]);
    // Two query words cannot share one record word.
    assert_eq!(keys(&index, "john john"), Vec::<Key>::new());
    assert_eq!(keys(&index, "john smith x"), Vec::<Key>::new());
}

#[test]
fn mail_and_guest_upn_are_searchable() {
    let mut recs = people();
    recs.push(Rec {
        mail: None,
        upn: "carol_fabrikam.com#EXT#@contoso.onmicrosoft.com",
        ..rec(20, "Carol Guest", "unused")
    });
    let index = index_of(&recs);
    for q in [
        "alice",
        "martin",
        "alice.martin",
        "alice@contoso.com",
        "alice.martin@contoso",
    ] {
        assert_eq!(keys(&index, q), vec![5], "query {q:?}");
    }
    assert_eq!(keys(&index, "carol@fabrikam.com"), vec![20]);
    assert_eq!(keys(&index, "fabrikam"), vec![20]);
    // The resource tenant's domain after #EXT# is not searched: every guest has it.
    assert_eq!(keys(&index, "onmicrosoft"), Vec::<Key>::new());
}

#[test]
fn exact_address_lookup() {
    let mut recs = people();
    recs.push(Rec {
        mail: Some("Carol@Fabrikam.com"),
        other: vec!["carol.alt@fabrikam.com".to_string()],
        upn: "carol_fabrikam.com#EXT#@contoso.onmicrosoft.com",
        ..rec(20, "Carol Guest", "unused")
    });
    let index = index_of(&recs);
    assert_eq!(index.exact_address("carol@fabrikam.com"), vec![20]);
    assert_eq!(index.exact_address("  CAROL@FABRIKAM.COM "), vec![20]);
    assert_eq!(index.exact_address("carol.alt@fabrikam.com"), vec![20]);
    assert_eq!(
        index.exact_address("carol_fabrikam.com#EXT#@contoso.onmicrosoft.com"),
        vec![20]
    );
    assert_eq!(index.exact_address("carol@fabrikam"), Vec::<Key>::new());
    assert_eq!(index.exact_address(""), Vec::<Key>::new());
    assert_eq!(index.exact_address("alice.martin@contoso.com"), vec![5]);
}

#[test]
fn non_latin_scripts_by_word_start() {
    let index = index_of(&people());
    assert_eq!(keys(&index, "ив"), vec![9]);
    assert_eq!(keys(&index, "ПЕТ"), vec![9]);
    assert_eq!(keys(&index, "οδυσ"), vec![10]);
    assert_eq!(keys(&index, "ΕΛΥΤΗΣ"), vec![10]);
    assert_eq!(keys(&index, "山田"), vec![8]);
    assert_eq!(keys(&index, "太郎"), vec![8]);
    assert_eq!(keys(&index, "山田 太郎"), vec![8]);
    assert_eq!(keys(&index, "علي"), vec![11]);
    assert_eq!(keys(&index, "محم"), vec![11]);
    // Word start only: the middle of a Cyrillic word does not match.
    assert_eq!(keys(&index, "ван"), Vec::<Key>::new());
}

#[test]
fn exact_word_ranks_before_longer_prefix() {
    let recs = vec![
        rec(1, "Annabel Archer", "annabel@x.com"),
        rec(2, "Anna Brown", "anna.brown@x.com"),
        rec(3, "Ann Zimmer", "ann.zimmer@x.com"),
        rec(4, "Zed Ann", "zed@x.com"),
    ];
    let index = index_of(&recs);
    // Exact "Ann" words first (display start before elsewhere), then longer names.
    assert_eq!(keys(&index, "ann"), vec![3, 4, 2, 1]);
    assert_eq!(keys(&index, "anna"), vec![2, 1]);
}

#[test]
fn name_fields_before_mail_before_job_title() {
    let recs = vec![
        Rec {
            job: Some("Sales Director"),
            ..rec(1, "Aaron Able", "aaron@x.com")
        },
        rec(2, "Bea Bell", "sales.bea@x.com"),
        Rec {
            surname: Some("Sales"),
            ..rec(3, "Cy Sales", "cy@x.com")
        },
    ];
    let index = index_of(&recs);
    assert_eq!(keys(&index, "sales"), vec![3, 2, 1]);
    assert_eq!(keys(&index, "sal"), vec![3, 2, 1]);
}

#[test]
fn display_name_start_first_then_name_then_key() {
    let recs = vec![
        rec(1, "Mary John", "mary@x.com"),
        rec(9, "John Smith", "js2@x.com"),
        rec(2, "John Smith", "js1@x.com"),
        rec(3, "John Adams", "ja@x.com"),
    ];
    let index = index_of(&recs);
    assert_eq!(keys(&index, "john"), vec![3, 2, 9, 1]);
    // In-order words beat the same words out of order.
    assert_eq!(keys(&index, "john s"), vec![2, 9]);
}

#[test]
fn highlights_are_utf16_offsets_into_the_original() {
    let other = vec!["Déborah@Example.com".to_string()];
    let person = Person {
        display_name: "😀 Déborah O'Brien",
        given_name: Some("De\u{301}borah"),
        surname: None,
        mail: Some("deborah.obrien@contoso.com"),
        other_mails: &other,
        user_principal_name: "deborah_contoso.com#EXT#@fabrikam.onmicrosoft.com",
        job_title: Some("𠀋田 lead"),
    };
    let h = highlight("deb obri 田", &person);
    let hl = |field, start, end| Highlight { field, start, end };
    assert_eq!(
        h,
        vec![
            // 😀 is two UTF-16 units, then a space: "Déb" is 3..6, "O'Bri" 11..16.
            hl(Field::DisplayName, 3, 6),
            hl(Field::DisplayName, 11, 16),
            // The decomposed é (e + U+0301) is bolded whole.
            hl(Field::GivenName, 0, 4),
            hl(Field::Mail, 0, 3),
            hl(Field::Mail, 8, 12),
            hl(Field::OtherMail(0), 0, 3),
            hl(Field::UserPrincipalName, 0, 3),
            // 𠀋 is astral (two units): 田 is 2..3.
            hl(Field::JobTitle, 2, 3),
        ]
    );
    let display: Vec<u16> = person.display_name.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&display[3..6]), "Déb");
    assert_eq!(String::from_utf16_lossy(&display[11..16]), "O'Bri");
    assert!(highlight("", &person).is_empty());
    assert!(highlight(&"a".repeat(MAX_QUERY_CHARS + 1), &person).is_empty());
}

#[test]
fn updates_and_removals_show_in_the_next_search() {
    let mut index = PeopleIndex::new();
    assert!(index.is_empty());
    let a = rec(1, "Alice Martin", "alice@x.com");
    index.upsert(1, &a.person(), 0);
    assert_eq!(keys(&index, "ali"), vec![1]);
    let b = rec(1, "Alicia Keys", "alicia@x.com");
    index.upsert(1, &b.person(), 0);
    assert_eq!(keys(&index, "martin"), Vec::<Key>::new());
    assert_eq!(keys(&index, "keys"), vec![1]);
    assert_eq!(index.len(), 1);
    index.remove(1);
    index.remove(1);
    index.remove(99);
    assert!(index.is_empty());
    assert_eq!(keys(&index, "ali"), Vec::<Key>::new());
    assert_eq!(index.exact_address("alicia@x.com"), Vec::<Key>::new());
    // Many single updates (segments get merged along the way) on top of a bulk load.
    let base = people();
    let mut index = index_of(&base);
    let names = ["Ann Archer", "Bob Baker", "Cid Cole", "Dee Dale"];
    for i in 0..300u32 {
        let r = rec(100 + i, names[(i % 4) as usize], "n@x.com");
        index.upsert(100 + i, &r.person(), i);
    }
    for i in (0..300u32).step_by(3) {
        index.remove(100 + i);
    }
    assert_eq!(index.len(), base.len() + 200);
    let anns = index.search("ann", 1000, &mut |_, _| true).unwrap();
    assert_eq!(anns.len(), 50);
    assert!(anns
        .iter()
        .all(|h| h.key >= 100 && (h.key - 100) % 4 == 0 && (h.key - 100) % 3 != 0));
    // Ties broken by key.
    let ks: Vec<Key> = anns.iter().map(|h| h.key).collect();
    let mut sorted = ks.clone();
    sorted.sort_unstable();
    assert_eq!(ks, sorted);
    // The bulk-loaded records are still there, and can be replaced.
    assert_eq!(keys(&index, "deb"), vec![1]);
    let d = rec(1, "Debbie Harry", "debbie@x.com");
    index.upsert(1, &d.person(), 0);
    assert_eq!(keys(&index, "deb"), vec![1]);
    assert_eq!(keys(&index, "lefevre"), Vec::<Key>::new());
}

#[test]
fn accept_filters_and_limit_counts_accepted_only() {
    let mut recs = Vec::new();
    for i in 0..50u32 {
        recs.push(Rec {
            flags: i % 5,
            ..rec(i, "Sam Spade", "sam@x.com")
        });
    }
    let index = index_of(&recs);
    let hits = index.search("sam", 7, &mut |_, flags| flags == 4).unwrap();
    let ks: Vec<Key> = hits.iter().map(|h| h.key).collect();
    assert_eq!(ks, vec![4, 9, 14, 19, 24, 29, 34]);
    let hits = index.search("sam", 3, &mut |key, _| key > 40).unwrap();
    assert_eq!(
        hits.iter().map(|h| h.key).collect::<Vec<_>>(),
        vec![41, 42, 43]
    );
    assert!(index.search("sam", 0, &mut |_, _| true).unwrap().is_empty());
    assert!(index
        .search("sam", 5, &mut |_, _| false)
        .unwrap()
        .is_empty());
}

#[test]
fn empty_and_too_long_queries() {
    let index = index_of(&people());
    for q in ["", "   ", "'-.@!", "\t\n"] {
        assert!(
            index.search(q, 10, &mut |_, _| true).unwrap().is_empty(),
            "{q:?}"
        );
    }
    let ok = "a".repeat(MAX_QUERY_CHARS);
    assert!(index.search(&ok, 10, &mut |_, _| true).is_ok());
    let long = "é".repeat(MAX_QUERY_CHARS + 1);
    let err = index.search(&long, 10, &mut |_, _| true).unwrap_err();
    assert_eq!(err.code(), "QUERY_TOO_LONG");
    assert!(err.to_string().contains("257"));
}

#[test]
fn clone_and_serde_round_trip_answer_the_same() {
    let index = index_of(&people());
    let json = serde_json::to_string(&index).unwrap();
    let back: PeopleIndex = serde_json::from_str(&json).unwrap();
    let copy = index.clone();
    for q in ["deb", "o brien", "山田", "alice@contoso.com", "sales"] {
        assert_eq!(keys(&back, q), keys(&index, q));
        assert_eq!(keys(&copy, q), keys(&index, q));
    }
    assert_eq!(back.len(), index.len());
}

#[test]
fn a_key_given_twice_in_one_load_keeps_its_last_record() {
    let recs = vec![
        rec(1, "Alice Martin", "alice@x.com"),
        rec(2, "Bob Baker", "bob@x.com"),
        rec(1, "Alicia Keys", "alicia@x.com"),
    ];
    let index = index_of(&recs);
    assert_eq!(index.len(), 2);
    assert_eq!(keys(&index, "martin"), Vec::<Key>::new());
    assert_eq!(keys(&index, "ali"), vec![1]);
    assert_eq!(index.exact_address("alice@x.com"), Vec::<Key>::new());
    assert_eq!(index.exact_address("alicia@x.com"), vec![1]);
}

#[test]
fn a_typed_compound_counts_as_one_display_element() {
    let recs = vec![
        rec(1, "Jean Lucas Pan", "jlp@x.com"),
        rec(2, "Jean-Luc Picard", "jlpicard@x.com"),
    ];
    let index = index_of(&recs);
    // "jean-lu p" is "Jean-Luc P…" typed in order: the compound is one element.
    assert_eq!(keys(&index, "jean-lu p"), vec![2, 1]);
    // Typed as separate words, the pieces line up with "Jean Lucas Pan" instead.
    assert_eq!(keys(&index, "jean lu p"), vec![1, 2]);
}

#[test]
fn a_whole_mail_local_part_ranks_above_a_longer_one() {
    // Same display name: without the rule, the key would decide (lei.chen2 first).
    let recs = vec![
        rec(1, "Lei Chen", "lei.chen2@contoso.com"),
        rec(2, "Lei Chen", "lei.chen@fabrikam.com"),
        rec(3, "Lei Chen", "lei.chen3@contoso.com"),
    ];
    let index = index_of(&recs);
    for q in ["lei.chen", "lei chen", "Lei Chen", "LEI-CHEN"] {
        assert_eq!(keys(&index, q).first(), Some(&2), "{q}");
    }
    assert_eq!(keys(&index, "lei.chen3"), vec![3]);
    // It never outranks the display-name start: "Chen Lei" typed finds a display name
    // starting with it before a whole local part in another order.
    let recs = vec![
        rec(1, "Chen Lei", "cl@x.com"),
        rec(2, "Lei Chen", "chen.lei@x.com"),
    ];
    assert_eq!(keys(&index_of(&recs), "chen lei"), vec![1, 2]);
}

#[test]
fn a_bulk_load_in_several_parts_is_one_segment() {
    let recs = people();
    let mut index = PeopleIndex::new();
    let mut bulk = PeopleIndex::bulk(recs.len());
    for r in &recs {
        bulk.add(r.key, &r.person(), r.flags);
    }
    assert_eq!(bulk.len(), recs.len());
    assert_eq!(index.len(), 0, "nothing before finish_bulk");
    index.finish_bulk(bulk);
    assert_eq!(index.segment_count(), 1);
    let reference = index_of(&recs);
    for q in ["a", "ann", "deb", "smith j", "o brien"] {
        assert_eq!(keys(&index, q), keys(&reference, q), "{q}");
    }
}

#[test]
fn a_highlighter_answers_like_highlight_for_every_record() {
    let recs = people();
    for q in ["ann", "o bri", "deb lef", "smith", "zz", ""] {
        let mut hl = guestpass::search::Highlighter::new(q);
        for r in &recs {
            assert_eq!(
                hl.highlight(&r.person()),
                highlight(q, &r.person()),
                "{q} {}",
                r.display
            );
        }
    }
    let p = Person {
        display_name: "Chen2 O'Brien",
        user_principal_name: "",
        ..Person::default()
    };
    let mut hl = guestpass::search::Highlighter::new("2 brien");
    let ranges: Vec<(u32, u32)> = hl.highlight(&p).iter().map(|h| (h.start, h.end)).collect();
    assert_eq!(
        ranges,
        vec![(4, 5), (8, 13)],
        "pieces after a digit run or a joiner start words"
    );
}

//! A record's exact-address hashes, which a segment keeps sorted (`addr_hash`,
//! `addr_rank`) for exact-address lookups and the whole-local-part rank: what the builder
//! computes while it folds a person's fields, and what a reader can compute again from the
//! person instead of carrying them (21.7 of a segment's 35 bytes a person gzipped:
//! BENCHMARKS.md, issue 17, fifth session).
//!
//! (Declared from `index.rs` so that it sees the segment's fields; kept in its own file.)

use super::super::normalize::{
    address_hash, address_key_into, decode_guest_upn, fold_into, upn_search_part, word_text,
    words_into, FoldedChar, Word, WordKind,
};
use super::super::{Key, Person};
use super::Segment;

/// The hash of an address's local part as a query reads it (`QueryWords::local`): its
/// folded words before the last `@`, pieces only, joined by spaces after a `\0`; `None`
/// when it has no `@` or no such word. `folded` and `words` are the address's; `buf` and
/// `local` are scratch.
pub(super) fn local_part_hash(
    folded: &[FoldedChar],
    words: &[Word],
    buf: &mut String,
    local: &mut String,
) -> Option<u64> {
    let at = folded.iter().rposition(|f| f.ch == '@')?;
    local.clear();
    local.push('\0');
    for w in words {
        if (w.end as usize) > at || w.kind != WordKind::Piece {
            continue;
        }
        word_text(folded, w, buf);
        if buf.is_empty() {
            continue;
        }
        if local.len() > 1 {
            local.push(' ');
        }
        local.push_str(buf);
    }
    (local.len() > 1).then(|| address_hash(local))
}

/// [`local_part_hash`] of an ASCII `text` without folding it into characters first (the
/// folding was the largest single cost of reading a large view in Chromium): lowercase,
/// and the runs of letters or of digits before the last `@` are its pieces. `local` is
/// scratch. A test holds it equal to the folding path over random ASCII addresses.
fn ascii_local_part_hash(text: &str, local: &mut String) -> Option<u64> {
    let at = text.rfind('@')?;
    let before = text.as_bytes().get(..at).unwrap_or_default();
    local.clear();
    local.push('\0');
    let class = |b: u8| u8::from(b.is_ascii_alphabetic()) | u8::from(b.is_ascii_digit()) << 1;
    let mut i = 0;
    while let Some(&b) = before.get(i) {
        let kind = class(b);
        if kind == 0 {
            i += 1;
            continue;
        }
        if local.len() > 1 {
            local.push(' ');
        }
        while let Some(&b) = before.get(i).filter(|&&b| class(b) == kind) {
            local.push(char::from(b.to_ascii_lowercase()));
            i += 1;
        }
    }
    (local.len() > 1).then(|| address_hash(local))
}

/// The exact addresses of `person`, in the builder's order: each address's key (mail,
/// other mails, the UPN and a guest UPN's decoded address), then each address's local
/// part (`local_of` of the mail, the other mails and the UPN's searched part).
pub(super) fn exact_addresses(
    person: &Person<'_>,
    local_of: &mut dyn FnMut(&str) -> Option<u64>,
) -> Vec<u64> {
    let mut addrs: Vec<u64> = Vec::new();
    let mut key = String::new();
    let mut add_address = |a: &str| {
        address_key_into(a, &mut key);
        if !key.is_empty() {
            addrs.push(address_hash(&key));
        }
    };
    if let Some(mail) = person.mail {
        add_address(mail);
    }
    for m in person.other_mails {
        add_address(m);
    }
    add_address(person.user_principal_name);
    if let Some(decoded) = decode_guest_upn(person.user_principal_name) {
        add_address(&decoded);
    }
    let locals = person
        .mail
        .into_iter()
        .chain(person.other_mails.iter().map(String::as_str))
        .chain([upn_search_part(person.user_principal_name)]);
    for text in locals {
        addrs.extend(local_of(text));
    }
    addrs
}

/// Scratch for deriving addresses one person after another.
#[derive(Default)]
struct Scratch {
    folded: Vec<FoldedChar>,
    words: Vec<Word>,
    buf: String,
    local: String,
}

impl Scratch {
    fn local_of(&mut self, text: &str) -> Option<u64> {
        if text.is_ascii() {
            return ascii_local_part_hash(text, &mut self.local);
        }
        fold_into(text, &mut self.folded);
        words_into(&self.folded, &mut self.words);
        local_part_hash(&self.folded, &self.words, &mut self.buf, &mut self.local)
    }
}

impl Segment {
    /// Computes the address arrays from the people the records are of (`person(key)`),
    /// as the builder writes them: each record's addresses once, the pairs sorted by hash
    /// then rank. `None` when a record's key has no person.
    pub(crate) fn derive_addresses<'p>(
        &mut self,
        person: &dyn Fn(Key) -> Option<Person<'p>>,
    ) -> Option<()> {
        let mut scratch = Scratch::default();
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(self.len() as usize * 5 / 2);
        let mut seen: Vec<u64> = Vec::new();
        for rank in 0..self.len() {
            let p = person(self.key(rank)?)?;
            seen.clear();
            for h in exact_addresses(&p, &mut |t| scratch.local_of(t)) {
                if !seen.contains(&h) {
                    seen.push(h);
                    pairs.push((h, rank));
                }
            }
        }
        pairs.sort_unstable();
        self.addr_rank = pairs.iter().map(|a| a.1).collect();
        // Collected where the pairs lie (no third array at the peak of a large load).
        self.addr_hash = pairs.into_iter().map(|a| a.0).collect();
        self.addr_hash.shrink_to_fit();
        Some(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::super::PeopleIndex;
    use super::*;
    use crate::model::{User, World};

    fn person(u: &User) -> Person<'_> {
        Person {
            display_name: &u.display_name,
            given_name: u.given_name.as_deref(),
            surname: u.surname.as_deref(),
            mail: u.mail.as_deref(),
            other_mails: &u.other_mails,
            user_principal_name: &u.user_principal_name,
            job_title: u.job_title.as_deref(),
        }
    }

    /// Every tenant's segment of `users` with its address arrays derived from the people
    /// instead of written by the builder: the same arrays.
    fn derived_like_built(users: &[User]) {
        let mut compared = 0;
        let mut tenants: Vec<&str> = users.iter().map(|u| u.tenant_id.as_str()).collect();
        tenants.sort_unstable();
        tenants.dedup();
        for tenant in tenants {
            let people: Vec<(Key, &User)> = (0u32..)
                .zip(users)
                .filter(|(_, u)| u.tenant_id == tenant)
                .collect();
            let index = PeopleIndex::from_people(people.iter().map(|&(k, u)| (k, person(u), 0)));
            for built in &index.segments {
                let mut derived = built.clone();
                derived.addr_hash.clear();
                derived.addr_rank.clear();
                let of = |k: Key| users.get(k as usize).map(person);
                assert_eq!(derived.derive_addresses(&of), Some(()));
                assert_eq!(derived.addr_hash, built.addr_hash, "{tenant}");
                assert_eq!(derived.addr_rank, built.addr_rank, "{tenant}");
                compared += built.addr_hash.len();
            }
        }
        assert!(compared >= users.len(), "{compared} addresses compared");
    }

    #[test]
    fn addresses_derived_from_the_people_are_the_builders() {
        let sample = guestpass_sample::sample_world(&guestpass_sample::SampleOptions {
            users: 20_000,
            seed: 7,
        });
        let world: World = serde_json::from_str(&serde_json::to_string(&sample).unwrap()).unwrap();
        derived_like_built(&world.users);
    }

    /// The local part's hash through folding, as the builder computes it.
    fn folded_local_part_hash(text: &str) -> Option<u64> {
        let mut scratch = Scratch::default();
        fold_into(text, &mut scratch.folded);
        words_into(&scratch.folded, &mut scratch.words);
        let Scratch {
            folded,
            words,
            buf,
            local,
        } = &mut scratch;
        local_part_hash(folded, words, buf, local)
    }

    #[test]
    fn ascii_local_parts_hash_as_folded_ones() {
        let mut local = String::new();
        let fixed = [
            "",
            "@",
            "a@",
            "@a",
            "ann@x.com",
            "Ann.Smith99@X.COM",
            "o'brien-smith@x.com",
            "a''b@x",
            "-a-@x",
            "a1b2c3@x",
            "a.b_c+d@e@f",
            "..@..",
            "A-B'C`D@x",
            "x y@z",
            "no-at-sign",
            "bob_home.org#EXT#@t.onmicrosoft.com",
            "'@'",
            "9@9",
        ];
        let mut rng = fastrand::Rng::with_seed(17);
        let alphabet: Vec<char> = "aZ09@.-_'`+ #xY".chars().collect();
        let random = (0..20_000).map(|_| {
            let len = rng.usize(0..14);
            (0..len)
                .filter_map(|_| alphabet.get(rng.usize(..alphabet.len())))
                .collect::<String>()
        });
        for text in fixed.iter().map(|t| t.to_string()).chain(random) {
            let fast = ascii_local_part_hash(&text, &mut local);
            assert_eq!(fast, folded_local_part_hash(&text), "{text:?}");
        }
    }

    #[test]
    fn addresses_of_odd_people_are_derived_alike() {
        let user = |id: &str, upn: &str, mail: Option<&str>, other: &[&str]| -> User {
            serde_json::from_value(serde_json::json!({
                "id": id, "tenantId": "t", "displayName": format!("Name {id}"),
                "userPrincipalName": upn, "mail": mail, "otherMails": other,
            }))
            .unwrap()
        };
        derived_like_built(&[
            user(
                "a",
                "ann@t.com",
                Some("Ann.Smith@T.com"),
                &["ann@other.org", "x"],
            ),
            user(
                "b",
                "bob_home.org#EXT#@t.onmicrosoft.com",
                Some("bob@home.org"),
                &[],
            ),
            user("c", "Ünal.Çelik@t.com", None, &["ÜNAL@t.com"]),
            user("d", "no-at-sign", Some(""), &["@", "a@"]),
            user("e", "李@t.com", Some("李.王@t.com"), &[]),
            user("f", "ann@t.com", Some("ann@t.com"), &["ann@t.com"]),
        ]);
    }
}

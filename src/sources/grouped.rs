//! Rows grouped by the row they belong to (Dataverse's requests and responses by their
//! approval), in their order. Rows of one approval usually come one after another, so the
//! key is hashed once per run of equal keys rather than once per row.

use crate::graph::maps::KeyedMap;
use crate::graph::pages::{At, Whence};
use crate::graph::read::Item;

/// Rows grouped by key, each group in input order, the groups in the order their keys
/// first appear (so what is reported first does not depend on a hash map's order).
pub(crate) struct Grouped<'s, T> {
    from: Whence<'s>,
    index: KeyedMap<&'s str, usize>,
    groups: Vec<(&'s str, Vec<At<'s, T>>)>,
}

impl<'s, T> Grouped<'s, T> {
    /// No rows yet, of the list `from`.
    pub fn new(from: Whence<'s>) -> Grouped<'s, T> {
        Grouped {
            from,
            index: KeyedMap::default(),
            groups: Vec::new(),
        }
    }

    /// Groups `rows` by `key`, stopping at its first error.
    pub fn read<E>(
        mut self,
        rows: Vec<At<'s, T>>,
        key: impl Fn(Item<'s, T>) -> Result<&'s str, E>,
    ) -> Result<Self, E> {
        let mut last: Option<(&str, usize)> = None;
        for a in rows {
            let k = key(self.from.item(a))?;
            let g = match last {
                Some((lk, g)) if lk == k => g,
                _ => {
                    let next = self.groups.len();
                    let g = *self.index.entry(k).or_insert(next);
                    if g == next {
                        self.groups.push((k, Vec::new()));
                    }
                    last = Some((k, g));
                    g
                }
            };
            if let Some((_, group)) = self.groups.get_mut(g) {
                group.push(a);
            }
        }
        Ok(self)
    }

    /// The rows of `key` (their spots through [`Grouped::item`]).
    pub fn get(&self, key: &str) -> &[At<'s, T>] {
        let group = self.index.get(key).and_then(|&g| self.groups.get(g));
        group.map(|(_, rows)| rows.as_slice()).unwrap_or_default()
    }

    /// Row `a` with its spot.
    pub fn item(&self, a: At<'s, T>) -> Item<'s, T> {
        self.from.item(a)
    }

    /// Every key, in the order it first appears in the rows.
    pub fn keys(&self) -> impl Iterator<Item = &&'s str> {
        self.groups.iter().map(|(k, _)| k)
    }
}

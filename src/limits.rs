//! Documented bounds on what one call accepts, so no input can make a call run away.
//! Exceeding one is refused with `LIMIT_EXCEEDED`, naming the field (by its JSON path,
//! `users[bob].licenses[2]`) and the bound.
//!
//! Every string and list of an object in the world JSON is bounded here; the world's own
//! arrays (`users`, `groups`, …) are the directory itself and are bounded only by memory.

use crate::error::{Error, Result};

/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 256;
/// Longest name, address, title or other short text, in characters.
pub const MAX_TEXT_CHARS: usize = 1_024;
/// Longest free text (approval details, comments, welcome messages), in characters.
pub const MAX_LONG_TEXT_CHARS: usize = 16_384;
/// Most entries in one list of an object (group members, approvers, shares, domains).
pub const MAX_LIST_LEN: usize = 100_000;
/// Longest people-search query, in characters.
pub const MAX_QUERY_CHARS: usize = 256;
/// Most ids a search may be told to leave out (`exclude`: the people a picker already
/// holds). No document bounds it; a picker holds tens, so a thousand is generous.
pub const MAX_EXCLUDE_IDS: usize = 1_000;
/// Most items in one `checkMany` batch.
pub const MAX_BATCH_LEN: usize = 100_000;
/// Most user slots a snapshot may announce (its users plus the slots freed by removals,
/// which later additions reuse, so never more than the most users the directory held at
/// once). A free slot costs a few bytes of a snapshot but a whole user record of memory
/// when loaded: the bound keeps a forged snapshot from asking for more memory than
/// WebAssembly has. Beyond it, `Directory.fromBytes` answers `SNAPSHOT_CORRUPT`.
pub const MAX_USER_SLOTS: usize = 1 << 22;
/// Most entries in a group's `groupTypes`. Graph knows two values (`Unified`,
/// `DynamicMembership`) and documents no bound; a few more leave room for new ones.
pub const MAX_GROUP_TYPES: usize = 8;
/// Most entries in a tenant's `settings.enabledClouds`: one for each national cloud.
pub const MAX_ENABLED_CLOUDS: usize = 3;
/// Longest chain of groups each containing the next (a group alone is depth 1), so every
/// walk up or down nested groups stays short.
pub const MAX_GROUP_DEPTH: usize = 64;

/// Refuses a chain of `depth` nested groups through `group` deeper than
/// [`MAX_GROUP_DEPTH`].
pub fn group_depth(group: &str, depth: usize) -> Result<()> {
    if depth > MAX_GROUP_DEPTH {
        return Err(Error::LimitExceeded {
            what: format!("the nesting of groups through \"{group}\" ({depth} groups deep)"),
            limit: MAX_GROUP_DEPTH,
        });
    }
    Ok(())
}

/// Refuses `value` if it has more than `limit` characters.
pub fn text(field: impl std::fmt::Display, value: &str, limit: usize) -> Result<()> {
    // Byte length bounds character count from above: skip counting for short strings.
    if value.len() > limit && value.chars().count() > limit {
        return Err(Error::LimitExceeded {
            what: format!("{field} ({} characters)", value.chars().count()),
            limit,
        });
    }
    Ok(())
}

/// Refuses a list with more than [`MAX_LIST_LEN`] entries.
pub fn list<T>(field: impl std::fmt::Display, value: &[T]) -> Result<()> {
    entries(field, value.len(), MAX_LIST_LEN)
}

/// Refuses a list or map of `len` entries when that is more than `limit`.
pub fn entries(field: impl std::fmt::Display, len: usize, limit: usize) -> Result<()> {
    if len > limit {
        return Err(Error::LimitExceeded {
            what: format!("{field} ({len} entries)"),
            limit,
        });
    }
    Ok(())
}

/// Refuses a search `exclude` list of more than [`MAX_EXCLUDE_IDS`] ids, or holding an id
/// longer than [`MAX_ID_CHARS`].
pub fn exclude<'a>(ids: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let mut count = 0;
    for (i, id) in ids.into_iter().enumerate() {
        text(format_args!("exclude[{i}]"), id, MAX_ID_CHARS)?;
        count += 1;
        if count > MAX_EXCLUDE_IDS {
            return Err(Error::LimitExceeded {
                what: "exclude (ids to leave out of a search)".into(),
                limit: MAX_EXCLUDE_IDS,
            });
        }
    }
    Ok(())
}

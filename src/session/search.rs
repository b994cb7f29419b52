//! People search for the signed-in person: the typeahead of a people picker.
//!
//! A session sees its own tenant's directory only (members and the guest objects that
//! live there). A guest's searching follows the tenant's guest access setting: full
//! typeahead (`sameAsMember`), an exact mail or userPrincipalName only (`limited`, the
//! default), or nothing (`restricted`); `mode` in the answer says which. A connector whose
//! pickers do not support guests leaves guests out and says so with `guestsHidden`.

use super::features::{search_mode, SearchMode};
use super::sealed_search::{self, ExactWanted, GroupFilter};
use super::Session;
use crate::directory::{Directory, SEARCH_FLAG_GUEST};
use crate::error::{Error, Result};
use crate::model::{User, UserType};
use crate::search::{self, Highlight, Highlighter};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Results per search unless `limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 10;
/// The most results one search returns.
pub const MAX_LIMIT: usize = 100;

/// Which kind of people to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UserTypeFilter {
    /// Members and guests.
    #[default]
    Any,
    /// Members only.
    Member,
    /// Guests only.
    Guest,
}

crate::model::string_enum!(
    UserTypeFilter,
    "UserTypeFilter",
    [Any = "any", Member = "member", Guest = "guest"]
);

/// Options of `session.search(query, options)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchOptions {
    /// At most this many results (1–100, default 10).
    #[serde(default)]
    pub limit: Option<usize>,
    /// Members, guests or both.
    #[serde(default)]
    pub user_type: UserTypeFilter,
    /// The connector whose picker is asking; guests are left out where it does not
    /// support picking guests.
    #[serde(default)]
    pub connector: Option<String>,
    /// User ids to leave out (people already picked).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Only members of this group (nested groups counting).
    #[serde(default)]
    pub group_id: Option<String>,
}
crate::objects_only!(serialize: SearchOptions);

/// A matched range in one field of a result, in UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MatchRange {
    /// `displayName`, `givenName`, `surname`, `mail`, `otherMails`, `userPrincipalName`
    /// or `jobTitle`.
    pub field: &'static str,
    /// For `otherMails`, which address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<u16>,
    /// First UTF-16 code unit (`value.slice(start, end)` is the match).
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
}

/// One person in the results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersonMatch {
    /// User object id in this tenant.
    pub id: String,
    /// Name.
    pub display_name: String,
    /// Real address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail: Option<String>,
    /// Sign-in name.
    pub user_principal_name: String,
    /// Member or guest.
    pub user_type: UserType,
    /// A guest's home tenant, for the guest badge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_tenant_id: Option<String>,
    /// The home tenant's display name, when the directory holds that tenant and the
    /// search covers the whole directory ([`home_tenant_name`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_tenant_name: Option<String>,
    /// A guest whose invitation is not redeemed yet.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pending: bool,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// What matched, to bold.
    pub highlights: Vec<MatchRange>,
}

/// The answer to `session.search`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// Best first.
    pub items: Vec<PersonMatch>,
    /// Guests were left out because the connector does not support picking them.
    pub guests_hidden: bool,
    /// How much of the directory this person's search covers.
    pub mode: SearchMode,
}

/// What [`Session::search_found`] found, best first.
#[derive(Debug)]
pub struct Found<'d> {
    /// The people.
    pub people: FoundPeople<'d>,
    /// Guests were left out because the connector does not support picking them.
    pub guests_hidden: bool,
    /// How much of the directory this person's search covers.
    pub mode: SearchMode,
}

/// The people of a [`Found`]: users of the directory, or (a limited guest's exact lookup
/// in a view's sealed address book) results already built.
#[derive(Debug)]
pub enum FoundPeople<'d> {
    /// Users of the directory, best first.
    Users(Vec<&'d User>),
    /// Results built from sealed records.
    Sealed(Vec<PersonMatch>),
}

impl Session {
    /// People of this tenant matching what the person typed, best first.
    ///
    /// Refused with `QUERY_TOO_LONG` (over 256 characters), `INVALID_VALUE` (a limit
    /// outside 1–100), `UNKNOWN_CONNECTOR`, `UNKNOWN_GROUP` (also for a group of another
    /// tenant). An empty query returns nothing.
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// # let dir = guestpass::directory::Directory::from_json_str(r#"{
    /// #   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    /// #                 "initialDomain": "contoso.onmicrosoft.com" }],
    /// #   "users": [{ "id": "deb", "tenantId": "contoso", "displayName": "Déborah Lefèvre",
    /// #               "userPrincipalName": "deborah@contoso.com" },
    /// #             { "id": "bob", "tenantId": "contoso", "displayName": "Bob",
    /// #               "userPrincipalName": "bob@contoso.com" }] }"#)?;
    /// let session = dir.sign_in("contoso", "bob")?;
    /// let found = session.search(&dir, "deb lef", &Default::default())?;
    /// assert_eq!(found.items[0].id, "deb");
    /// # Ok(()) }
    /// ```
    pub fn search(
        &self,
        dir: &Directory,
        query: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults> {
        let found = self.search_found(dir, query, options)?;
        let mut hl = Highlighter::new(query);
        let items = match found.people {
            FoundPeople::Users(users) => users
                .into_iter()
                .map(|u| person_match_with(dir, u, found.mode, &mut hl))
                .collect(),
            FoundPeople::Sealed(items) => items,
        };
        Ok(SearchResults {
            items,
            guests_hidden: found.guests_hidden,
            mode: found.mode,
        })
    }

    /// [`Session::search`] before its results are built: the people found (borrowed from
    /// the directory), for a caller that writes them out itself (the package packs them
    /// for JavaScript) — with [`Highlighter`] and [`home_tenant_name`] it builds exactly
    /// what [`Session::search`] answers. Refused as [`Session::search`] is.
    pub fn search_found<'d>(
        &self,
        dir: &'d Directory,
        query: &str,
        options: &SearchOptions,
    ) -> Result<Found<'d>> {
        let me = self.user(dir)?;
        search::check_query(query)?;
        let limit = checked_limit(options.limit)?;
        crate::limits::exclude(options.exclude.iter().map(String::as_str))?;
        let guests_hidden = guests_hidden(dir, options.connector.as_deref())?;
        let group_filter = match &options.group_id {
            None => None,
            Some(group_id) => Some(self.group_filter(dir, group_id)?),
        };
        let tenant = dir
            .tenant(self.tenant_id())
            .ok_or_else(|| Error::UnknownTenant(self.tenant_id().to_string()))?;
        let mode = search_mode(tenant, me).mode;
        let mut found = Found {
            people: FoundPeople::Users(Vec::new()),
            guests_hidden,
            mode,
        };
        let Some(index) = dir.people_index(self.tenant_id()) else {
            return Ok(found);
        };
        let filter = PersonFilter::new(dir, options, guests_hidden, group_filter.as_ref());
        if let (SearchMode::ExactOnly, Some(book)) = (mode, dir.partial().and_then(|p| p.book())) {
            let wanted = ExactWanted {
                tenant_id: self.tenant_id(),
                user_type: options.user_type,
                guests_hidden,
                exclude: &options.exclude,
                group: group_filter.as_ref(),
                limit,
            };
            found.people = FoundPeople::Sealed(sealed_search::exact(book, query, &wanted));
            return Ok(found);
        }
        let keys: Vec<u32> = match mode {
            SearchMode::None => Vec::new(),
            SearchMode::Full => ranked(dir, index, query, limit, &mut |key, flags| {
                filter.accepts(key, flags)
            })?,
            SearchMode::ExactOnly => self.exact_address(dir, index, query, limit, &filter),
        };
        found.people = FoundPeople::Users(
            keys.into_iter()
                .filter_map(|key| dir.user_at(key))
                .filter(|u| u.tenant_id == self.tenant_id())
                .collect(),
        );
        Ok(found)
    }

    /// The search of a person who may find others only by an exact address (a guest
    /// with limited access, on a whole directory): the people of this tenant with that
    /// address whom `filter` accepts, in user-id order, at most `limit`.
    fn exact_address(
        &self,
        dir: &Directory,
        index: &search::PeopleIndex,
        query: &str,
        limit: usize,
        filter: &PersonFilter<'_>,
    ) -> Vec<u32> {
        index
            .exact_address(query)
            .into_iter()
            .filter(|key| {
                dir.user_at(*key).is_some_and(|u| {
                    u.tenant_id == self.tenant_id() && has_address(u, query.trim())
                })
            })
            .filter(|key| {
                let flags = dir.user_at(*key).map(crate::directory::search_flags);
                flags.is_some_and(|f| filter.accepts(*key, f))
            })
            .map(|key| (user_id_at(dir, key), key))
            .collect::<std::collections::BTreeSet<(&str, u32)>>()
            .into_iter()
            .take(limit)
            .map(|(_, key)| key)
            .collect()
    }

    /// The filter of `group_id`, which must be a group of this tenant: its members'
    /// slots, or for a directory read from a view with a sealed address book (or a group
    /// the view holds only as a digest) the group's digest, which sealed records carry.
    fn group_filter(&self, dir: &Directory, group_id: &str) -> Result<GroupFilter> {
        let partial = dir.partial();
        let held = dir
            .group(group_id)
            .is_some_and(|g| g.tenant_id == self.tenant_id());
        let sealed = partial.is_some_and(|p| p.book().is_some());
        if held && !sealed {
            return Ok(GroupFilter::Members(self.members_of_group(dir, group_id)?));
        }
        if held || partial.is_some_and(|p| p.has_unseen_group(self.tenant_id(), group_id)) {
            return Ok(GroupFilter::Digest(crate::directory::id_digest(
                b"group",
                self.tenant_id(),
                group_id,
            )));
        }
        Err(Error::UnknownGroup(group_id.to_string()))
    }

    /// User slots of every member of `group_id` (nested groups counting), which must be
    /// a group of this tenant.
    fn members_of_group(&self, dir: &Directory, group_id: &str) -> Result<HashSet<u32>> {
        let group = dir
            .group(group_id)
            .filter(|g| g.tenant_id == self.tenant_id())
            .ok_or_else(|| Error::UnknownGroup(group_id.to_string()))?;
        let mut users = HashSet::new();
        let mut seen: HashSet<&str> = HashSet::new();
        let mut stack = vec![group];
        seen.insert(&group.id);
        while let Some(g) = stack.pop() {
            for member in &g.members {
                if let Some(slot) = dir.user_slot(member) {
                    users.insert(slot);
                } else if let Some(inner) = dir.group(member) {
                    if seen.insert(&inner.id) {
                        stack.push(inner);
                    }
                }
            }
        }
        Ok(users)
    }
}

/// The id of the user in `slot` (empty if none).
fn user_id_at(dir: &Directory, slot: u32) -> &str {
    dir.user_at(slot).map(|u| u.id.as_str()).unwrap_or_default()
}

/// The number of results asked for (`DEFAULT_LIMIT` when not given); `INVALID_VALUE`
/// outside 1–`MAX_LIMIT`.
fn checked_limit(limit: Option<usize>) -> Result<usize> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::InvalidValue {
            field: "limit".into(),
            reason: format!("{limit} is outside 1–{MAX_LIMIT}"),
        });
    }
    Ok(limit)
}

/// Whether guests are left out because `connector`'s picker does not support picking
/// them (`UNKNOWN_CONNECTOR` for a connector the directory does not hold).
fn guests_hidden(dir: &Directory, connector: Option<&str>) -> Result<bool> {
    match connector {
        None => Ok(false),
        Some(id) => Ok(!dir
            .connector(id)
            .ok_or_else(|| Error::UnknownConnector(id.to_string()))?
            .guest_picker),
    }
}

/// Which people of the index a search keeps, by slot and search flags: those of the
/// user type asked for, no guest while guests are hidden, none excluded, and only
/// members of the group asked for.
struct PersonFilter<'g> {
    user_type: UserTypeFilter,
    guests_hidden: bool,
    /// Slots of the users excluded (usually none: no set is built for it then).
    exclude: HashSet<u32>,
    group: Option<&'g GroupFilter>,
}

impl<'g> PersonFilter<'g> {
    /// The filter of a search's `options`, with `guests_hidden` and the `group` filter
    /// already read from them.
    fn new(
        dir: &Directory,
        options: &SearchOptions,
        guests_hidden: bool,
        group: Option<&'g GroupFilter>,
    ) -> PersonFilter<'g> {
        let exclude: HashSet<u32> = if options.exclude.is_empty() {
            HashSet::new()
        } else {
            options
                .exclude
                .iter()
                .filter_map(|id| dir.user_slot(id))
                .collect()
        };
        PersonFilter {
            user_type: options.user_type,
            guests_hidden,
            exclude,
            group,
        }
    }

    /// Whether the person at `key`, with search flags `flags`, is kept.
    fn accepts(&self, key: u32, flags: u32) -> bool {
        let guest = flags & SEARCH_FLAG_GUEST != 0;
        let type_ok = match self.user_type {
            UserTypeFilter::Any => true,
            UserTypeFilter::Member => !guest,
            UserTypeFilter::Guest => guest,
        };
        type_ok
            && !(self.guests_hidden && guest)
            && !self.exclude.contains(&key)
            && self.group.is_none_or(|g| g.has_slot(key))
    }
}

/// The best `limit` people for `query`, people tied on score and display name in user-id
/// order. The index breaks such ties by slot; while slots are in user-id order (a loaded
/// directory) or tied people's are (a view: `Directory::ties_in_id_order`) that is the
/// order wanted. Otherwise slots depend on the directory's history, so this asks for one
/// more result than needed and, while a tie crosses the cut, for twice as many, then
/// orders each tie by user id: the same people in the same order whatever the history.
fn ranked(
    dir: &Directory,
    index: &search::PeopleIndex,
    query: &str,
    limit: usize,
    accept: &mut dyn FnMut(u32, u32) -> bool,
) -> Result<Vec<u32>> {
    // Slots in user-id order: the index's own tie-break is the one wanted.
    if dir.ties_in_id_order() {
        let hits = index.search(query, limit, accept)?;
        return Ok(hits.into_iter().map(|h| h.key).collect());
    }
    let tie = |a: &search::Hit, b: &search::Hit| {
        a.score == b.score && same_order(display_name_at(dir, a.key), display_name_at(dir, b.key))
    };
    let mut want = limit.saturating_add(1);
    let hits = loop {
        let hits = index.search(query, want, accept)?;
        let settled = hits.len() < want
            || match (limit.checked_sub(1).and_then(|i| hits.get(i)), hits.last()) {
                (Some(at_cut), Some(last)) => !tie(at_cut, last),
                _ => true,
            };
        if settled {
            break hits;
        }
        want = want.saturating_mul(2);
    };
    // Hits come in (score, display order, slot) order, so people tied on score and
    // display name are neighbours: each run of them is put in user-id order.
    let mut keys: Vec<u32> = Vec::with_capacity(hits.len());
    let mut run: Vec<(&str, u32)> = Vec::new();
    for (i, hit) in hits.iter().enumerate() {
        run.push((user_id_at(dir, hit.key), hit.key));
        let next_tied = hits.get(i + 1).is_some_and(|next| tie(hit, next));
        if next_tied {
            continue;
        }
        if run.len() > 1 {
            crate::order::sort_by_text(&mut run, |g| g.0);
        }
        keys.extend(run.drain(..).map(|g| g.1));
        if keys.len() >= limit {
            break;
        }
    }
    keys.truncate(limit);
    Ok(keys)
}

/// Whether two display names rank as one ([`search::display_order`] equal), without
/// folding either when a cheap look tells them apart: the display order keeps every
/// letter and digit of a name, lowercased, in order, so two ASCII names whose letters
/// and digits differ cannot share it.
pub(crate) fn same_order(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        let letters = |s: &'_ str| {
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect::<Vec<u8>>()
        };
        if a.len() + b.len() < 512 && letters(a) != letters(b) {
            return false;
        }
    }
    search::display_order(a) == search::display_order(b)
}

/// The display name of the user in `slot` (empty if none).
fn display_name_at(dir: &Directory, slot: u32) -> &str {
    dir.user_at(slot)
        .map(|u| u.display_name.as_str())
        .unwrap_or_default()
}

/// Whether `address` is one of `user`'s addresses (mail, userPrincipalName, other mails,
/// the address inside a guest's `#EXT#` name), ignoring case.
pub(super) fn has_address(user: &User, address: &str) -> bool {
    let same =
        |a: &str| a.eq_ignore_ascii_case(address) || a.to_lowercase() == address.to_lowercase();
    user.mail.as_deref().is_some_and(same)
        || same(&user.user_principal_name)
        || user.other_mails.iter().any(|m| same(m))
        || search::normalize::decode_guest_upn(&user.user_principal_name).is_some_and(|d| same(&d))
}

/// `user` as a search result for `query`, with what matched (a limited guest's exact
/// lookup: no home tenant name).
pub(super) fn person_match(user: &User, query: &str) -> PersonMatch {
    person_match_parts(user, None, &mut Highlighter::new(query))
}

/// `user` as a search result of a search covering `mode`, highlighted by `hl` (one for
/// all the results of a query).
fn person_match_with(
    dir: &Directory,
    user: &User,
    mode: SearchMode,
    hl: &mut Highlighter,
) -> PersonMatch {
    person_match_parts(user, home_tenant_name(dir, user, mode), hl)
}

fn person_match_parts(user: &User, home_name: Option<&str>, hl: &mut Highlighter) -> PersonMatch {
    let person = crate::directory::search_person(user);
    PersonMatch {
        id: user.id.clone(),
        display_name: user.display_name.clone(),
        mail: user.mail.clone(),
        user_principal_name: user.user_principal_name.clone(),
        user_type: user.user_type,
        home_tenant_id: user.home_tenant_id.clone(),
        home_tenant_name: home_name.map(str::to_string),
        pending: user.is_pending(),
        job_title: user.job_title.clone(),
        highlights: hl.highlight(&person).into_iter().map(match_range).collect(),
    }
}

/// The display name of a guest's home tenant as a search result shows it: only when
/// the directory holds that tenant (a view: carries its name) and the search covers the
/// whole directory (members, and guests of a `sameAsMember` tenant).
// Microsoft Graph "findTenantInformationByTenantId": a tenant's displayName is readable by
// any signed-in caller; no document says what a people picker shows a limited guest, so
// the conservative answer: not in an exact-only (or no) search.
pub fn home_tenant_name<'d>(dir: &'d Directory, user: &User, mode: SearchMode) -> Option<&'d str> {
    if mode != SearchMode::Full {
        return None;
    }
    let home = user.home_tenant_id.as_deref()?;
    // A view may hold a stub of a tenant (its id as its name): its names table decides.
    match dir.partial() {
        Some(partial) => partial.home_tenant_name(home),
        None => dir.tenant(home).map(|t| t.display_name.as_str()),
    }
}

fn match_range(h: Highlight) -> MatchRange {
    let (field, index) = h.field.property();
    MatchRange {
        field,
        index,
        start: h.start,
        end: h.end,
    }
}

#[cfg(test)]
mod tests {
    use super::same_order;
    use crate::search::display_order;

    /// The cheap look of `same_order` never tells apart two names the display order ties.
    #[test]
    fn same_order_agrees_with_the_display_order() {
        let names = [
            "Ann Lee",
            "ann lee",
            "Ann  Lee",
            "Ann-Lee",
            "Ann Lee-Smith",
            "Ann Lees",
            "Anne Lee",
            "O'Brien S",
            "OBrien S",
            "O Brien S",
            "obrien s",
            "Déborah Lefèvre",
            "Deborah Lefevre",
            "DEBORAH LEFEVRE",
            "Lee, Ann",
            "Lee Ann",
            "Ann Lee 2",
            "Ann Lee2",
            "Ann L. Lee",
            "Ann L Lee",
            "van der Berg",
            "Van Der Berg",
            "vanderberg",
            "李雷",
            "Support EMEA",
            "support-emea",
            "Support (EMEA)",
            "",
            " ",
            "A.B",
            "AB",
            "a b",
        ];
        for a in names {
            for b in names {
                assert_eq!(
                    same_order(a, b),
                    display_order(a) == display_order(b),
                    "{a:?} and {b:?}"
                );
            }
        }
    }
}

//! People search for JavaScript: `session.search(query, options)`.

use super::convert::{options_from_js, text_arg};
use super::error::to_js as error_to_js;
use super::session::JsSession;
use guestpass::error::Error;
use guestpass::session::{SearchOptions, UserTypeFilter};
use wasm_bindgen::prelude::*;

impl JsSession {
    /// People of this tenant matching what the person typed, best first:
    /// `{ items: [{ id, displayName, mail, userPrincipalName, userType, homeTenantId,
    /// pending, jobTitle, highlights: [{ field, index?, start, end }] }], guestsHidden,
    /// mode }`. Options: `{ limit = 10, userType: "any" | "member" | "guest", connector,
    /// exclude: [userIds], groupId }`. Highlights are UTF-16 offsets for `String.slice`.
    /// Throws `QUERY_TOO_LONG` past 256 characters.
    ///
    /// @example
    /// const { items } = session.search("ali", { limit: 5, userType: "any" });
    /// items.at(0)?.displayName; // "Alice Martin"
    #[cfg(feature = "full")]
    pub fn search(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let query: &str = &text_arg(&query, "query")?;
        let options = search_options(options)?;
        let text = self.read(|dir, session| {
            let results = session.search(dir, query, &options)?;
            serde_json::to_string(&results).map_err(Error::from)
        })?;
        // One JSON text and one native parse are cheaper than setting every property of
        // every result across the boundary.
        js_sys::JSON::parse(&text)
    }

    /// [`JsSession::search`] in the view runtime: the results packed as
    /// [`JsSession::search_packed`] packs them (the text returned, which
    /// `pkg-template/session.ts` unpacks), so the runtime holds no serializer of search
    /// results. The same objects, property for property.
    #[cfg(not(feature = "full"))]
    pub fn search(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let query: &str = &text_arg(&query, "query")?;
        let options = search_options(options)?;
        let text = self.read(|dir, session| {
            let found = session.search_found(dir, query, &options)?;
            Ok(super::search_packed::pack(dir, query, &found))
        })?;
        Ok(JsValue::from_str(&text))
    }

    /// [`JsSession::search`] with its options read by the caller (`pkg-template/session.ts`,
    /// which checked them) and its results packed (`search_packed.rs`): the text is
    /// returned, the numbers kept for `sessionSearchNumbers`. `user_type`: 0 any,
    /// 1 members, 2 guests; `exclude`: ids joined by U+001F.
    #[allow(clippy::too_many_arguments)]
    pub fn search_packed(
        &self,
        query: &str,
        limit: u32,
        user_type: u32,
        connector: Option<String>,
        exclude: &str,
        group_id: Option<String>,
    ) -> Result<String, JsValue> {
        let options = SearchOptions {
            limit: Some(limit as usize),
            user_type: match user_type {
                1 => UserTypeFilter::Member,
                2 => UserTypeFilter::Guest,
                _ => UserTypeFilter::Any,
            },
            connector,
            exclude: if exclude.is_empty() {
                Vec::new()
            } else {
                exclude.split('\u{1f}').map(str::to_string).collect()
            },
            group_id,
        };
        self.read(|dir, session| {
            let found = session.search_found(dir, query, &options)?;
            Ok(super::search_packed::pack(dir, query, &found))
        })
    }
}

/// `session.search`'s options: none (`undefined`, `null`) are the defaults.
fn search_options(options: JsValue) -> Result<SearchOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(SearchOptions::default());
    }
    options_from_js(options).map_err(|e| error_to_js(&e))
}

#[cfg(not(feature = "full"))]
impl super::options::Options for SearchOptions {
    const NAME: &'static str = "SearchOptions";
    const FIELDS: &'static [&'static str] =
        &["limit", "userType", "connector", "exclude", "groupId"];

    fn field(&mut self, index: usize, value: &JsValue, path: &str) -> Result<(), Error> {
        use super::options::{optional_count, optional_text, texts, variant};
        const KINDS: [UserTypeFilter; 3] = [
            UserTypeFilter::Any,
            UserTypeFilter::Member,
            UserTypeFilter::Guest,
        ];
        match index {
            0 => self.limit = optional_count(value, path)?,
            1 => self.user_type = KINDS[variant(value, path, &["any", "member", "guest"])?],
            2 => self.connector = optional_text(value, path)?,
            3 => self.exclude = texts(value, path)?,
            _ => self.group_id = optional_text(value, path)?,
        }
        Ok(())
    }
}

//! People search for JavaScript: `session.search(query, options)`.

use super::convert::from_js;
use super::convert::text_arg;
use super::error::to_js as error_to_js;
use super::session::JsSession;
use guestpass::error::Error;
use guestpass::session::SearchOptions;
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
    pub fn search(&self, query: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let query: &str = &text_arg(&query, "query")?;
        let options: SearchOptions = if options.is_undefined() || options.is_null() {
            SearchOptions::default()
        } else {
            from_js(options).map_err(|e| error_to_js(&e))?
        };
        let text = self.read(|dir, session| {
            let results = session.search(dir, query, &options)?;
            serde_json::to_string(&results).map_err(Error::from)
        })?;
        // One JSON text and one native parse are cheaper than setting every property of
        // every result across the boundary.
        js_sys::JSON::parse(&text)
    }
}

//! The links guestpass hands out, shaped like Microsoft's and deterministic:
//!
//! - an app's direct link, which an app owner can send a guest:
//!   `https://myapps.microsoft.com/signin/<appId>?tenantId=<tenantId>`;
//! - the My Apps portal of a tenant, where a guest lands after redeeming:
//!   `https://myapps.microsoft.com/?tenantId=<tenantId>`;
//! - an invitation's redeem link:
//!   `https://login.microsoftonline.com/redeem?tenantId=<tenantId>&userId=<guest object id>`.
//!
//! Ids are percent-encoded (every byte but ASCII letters, digits and `-._~`), so any id
//! survives the round trip through [`parse_redeem_url`].

use crate::error::{Error, Result};
use serde::Serialize;

/// Where an app's direct links point.
pub const MY_APPS: &str = "https://myapps.microsoft.com";
/// Where invitation redeem links point.
pub const REDEEM: &str = "https://login.microsoftonline.com/redeem";

/// The direct link to `app_id` of `tenant_id`: signs the person into that tenant and
/// opens the app.
///
/// ```
/// assert_eq!(
///     guestpass::groups::direct_link("contoso", "payroll"),
///     "https://myapps.microsoft.com/signin/payroll?tenantId=contoso"
/// );
/// ```
pub fn direct_link(tenant_id: &str, app_id: &str) -> String {
    format!(
        "{MY_APPS}/signin/{}?tenantId={}",
        encode(app_id),
        encode(tenant_id)
    )
}

/// The My Apps portal of `tenant_id` (an invitation's `inviteRedirectUrl`).
pub fn my_apps_portal(tenant_id: &str) -> String {
    format!("{MY_APPS}/?tenantId={}", encode(tenant_id))
}

/// The link that redeems the invitation of guest `user_id` in `tenant_id`.
pub fn redeem_url(tenant_id: &str, user_id: &str) -> String {
    format!(
        "{REDEEM}?tenantId={}&userId={}",
        encode(tenant_id),
        encode(user_id)
    )
}

/// Whose invitation a redeem link names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedeemTarget {
    /// The tenant that invited.
    pub tenant_id: String,
    /// The guest object there.
    pub user_id: String,
}

/// Reads a link made by [`redeem_url`]; anything else is `INVALID_VALUE`.
pub fn parse_redeem_url(url: &str) -> Result<RedeemTarget> {
    let refuse = |reason: &str| Error::InvalidValue {
        field: "inviteRedeemUrl".into(),
        reason: format!("{reason}; pass the inviteRedeemUrl of an invitation unchanged"),
    };
    let query = url
        .trim()
        .strip_prefix(REDEEM)
        .and_then(|rest| rest.strip_prefix('?'))
        .ok_or_else(|| refuse(&format!("it does not start with {REDEEM}?")))?;
    let (mut tenant_id, mut user_id) = (None, None);
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value).ok_or_else(|| refuse("it holds a badly encoded value"))?;
        match name {
            "tenantId" => tenant_id = Some(value),
            "userId" => user_id = Some(value),
            _ => {}
        }
    }
    match (tenant_id, user_id) {
        (Some(tenant_id), Some(user_id)) if !tenant_id.is_empty() && !user_id.is_empty() => {
            Ok(RedeemTarget { tenant_id, user_id })
        }
        _ => Err(refuse("it lacks tenantId or userId")),
    }
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.bytes();
    while let Some(byte) = rest.next() {
        if byte == b'%' {
            let hex = [rest.next()?, rest.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            bytes.push(byte);
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redeem_links_round_trip_any_id() {
        for (tenant, user) in [
            ("contoso", "eve-northwind-com-at-contoso"),
            ("t&=?", "ü #%/"),
        ] {
            let url = redeem_url(tenant, user);
            assert_eq!(
                parse_redeem_url(&url).map_err(|e| e.code()),
                Ok(RedeemTarget {
                    tenant_id: tenant.into(),
                    user_id: user.into()
                })
            );
        }
        assert_eq!(
            redeem_url("contoso", "eve"),
            "https://login.microsoftonline.com/redeem?tenantId=contoso&userId=eve"
        );
    }

    #[test]
    fn other_links_are_refused() {
        for bad in [
            "https://evil.example/redeem?tenantId=a&userId=b",
            "https://login.microsoftonline.com/redeem?tenantId=a",
            "https://login.microsoftonline.com/redeem?tenantId=a&userId=%G1",
            "https://login.microsoftonline.com/redeem?tenantId=a&userId=%C3",
        ] {
            assert_eq!(
                parse_redeem_url(bad).map_err(|e| e.code()),
                Err("INVALID_VALUE"),
                "{bad}"
            );
        }
    }
}

//! The links guestpass hands out, shaped like Microsoft's:
//!
//! - an app's direct link, which an app owner can send a guest:
//!   `https://myapps.microsoft.com/signin/<appId>?tenantId=<tenantId>`;
//! - the My Apps portal of a tenant, where a guest lands after redeeming:
//!   `https://myapps.microsoft.com/?tenantId=<tenantId>`;
//! - an invitation's redeem link, in Microsoft's shape:
//!   `https://login.microsoftonline.com/redeem?rd=<https://invitations.microsoft.com/redeem/?tenant=<tenantId>&user=<guest object id>&ticket=<ticket>&ver=2.0, encoded>`;
//!   the ticket (`directory/link_key.rs`) is what a guessed id cannot supply.
//!
//! Ids are percent-encoded (every byte but ASCII letters, digits and `-._~`), so any id
//! survives the round trip through [`parse_redeem_url`]. The app links are deterministic;
//! redeem links depend on the directory's secret key.

use crate::clouds::Offering;
use crate::directory::Directory;
use crate::error::{Error, Result};
use serde::Serialize;

/// The offering whose hosts the links of `tenant_id` use (commercial when the tenant is
/// not loaded).
pub fn offering_of(dir: &Directory, tenant_id: &str) -> Offering {
    dir.tenant(tenant_id)
        .map_or(Offering::Commercial, Offering::of)
}

/// The direct link to `app_id` of `tenant_id`: signs the person into that tenant and
/// opens the app, on the My Apps host of the tenant's cloud.
///
/// ```
/// use guestpass::clouds::Offering;
/// assert_eq!(
///     guestpass::groups::direct_link(Offering::Commercial, "contoso", "payroll"),
///     "https://myapps.microsoft.com/signin/payroll?tenantId=contoso"
/// );
/// assert_eq!(
///     guestpass::groups::direct_link(Offering::GccHigh, "contoso", "payroll"),
///     "https://myapps.microsoft.us/signin/payroll?tenantId=contoso"
/// );
/// ```
// Entra "Invite internal users to B2B collaboration" / "B2B direct link": myapps.microsoft.com/signin/<app>?tenantId=<tenant>; hosts per cloud from clouds.rs.
pub fn direct_link(offering: Offering, tenant_id: &str, app_id: &str) -> String {
    if offering == Offering::China {
        // No 21Vianet page gives a per-app link: the documented applications page.
        return offering.my_apps().to_string();
    }
    format!(
        "{}/signin/{}?tenantId={}",
        offering.my_apps(),
        encode(app_id),
        encode(tenant_id)
    )
}

/// The My Apps portal of `tenant_id` (an invitation's `inviteRedirectUrl`).
pub fn my_apps_portal(offering: Offering, tenant_id: &str) -> String {
    if offering == Offering::China {
        return offering.my_apps().to_string();
    }
    format!("{}/?tenantId={}", offering.my_apps(), encode(tenant_id))
}

/// The path of redeem links on every cloud's sign-in host.
const REDEEM_PATH: &str = "/redeem";

/// Where the redeem link's `rd` parameter sends the guest, as in Microsoft's links.
pub const INVITATIONS: &str = "https://invitations.microsoft.com/redeem/";

/// The link that redeems the invitation of guest `user_id` in `tenant_id`, with its
/// `ticket` ([`crate::directory::LinkKey::ticket`]).
// Microsoft Graph "Create invitation": inviteRedeemUrl is login.microsoftonline.com/redeem?rd=<invitations.microsoft.com/redeem/?tenant&user&ticket&ver>.
pub fn redeem_url(offering: Offering, tenant_id: &str, user_id: &str, ticket: &str) -> String {
    let inner = format!(
        "{INVITATIONS}?tenant={}&user={}&ticket={}&ver=2.0",
        encode(tenant_id),
        encode(user_id),
        encode(ticket)
    );
    format!("{}{REDEEM_PATH}?rd={}", offering.login(), encode(&inner))
}

/// Whose invitation a redeem link names, and the ticket it carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedeemTarget {
    /// The tenant that invited.
    pub tenant_id: String,
    /// The guest object there.
    pub user_id: String,
    /// The ticket that proves the link was made by the directory (checked by
    /// [`super::redeem_link`], not here).
    pub ticket: String,
}

/// Reads a link shaped as [`redeem_url`] makes them; anything else is `INVALID_VALUE`.
/// The ticket is read, not checked.
pub fn parse_redeem_url(url: &str) -> Result<RedeemTarget> {
    let refuse = |reason: &str| Error::InvalidValue {
        field: "inviteRedeemUrl".into(),
        reason: format!("{reason}; pass the inviteRedeemUrl of an invitation unchanged"),
    };
    let query = Offering::ALL
        .iter()
        .find_map(|o| url.trim().strip_prefix(o.login()))
        .and_then(|rest| rest.strip_prefix(REDEEM_PATH))
        .and_then(|rest| rest.strip_prefix('?'))
        .ok_or_else(|| refuse("it is not a sign-in service's /redeem? link"))?;
    let params = query_params(query).ok_or_else(|| refuse("it holds a badly encoded value"))?;
    let inner = param(&params, "rd").ok_or_else(|| refuse("it has no rd parameter"))?;
    let inner = inner
        .strip_prefix(INVITATIONS)
        .and_then(|rest| rest.strip_prefix('?'))
        .ok_or_else(|| refuse(&format!("its rd does not start with {INVITATIONS}?")))?;
    let params = query_params(inner).ok_or_else(|| refuse("its rd holds a badly encoded value"))?;
    match (
        param(&params, "tenant"),
        param(&params, "user"),
        param(&params, "ticket"),
    ) {
        (Some(t), Some(u), Some(k)) if !t.is_empty() && !u.is_empty() && !k.is_empty() => {
            Ok(RedeemTarget {
                tenant_id: t.to_string(),
                user_id: u.to_string(),
                ticket: k.to_string(),
            })
        }
        _ => Err(refuse("it lacks the tenant, the user or the ticket")),
    }
}

/// The decoded `name=value` pairs of a query, or `None` when a value is badly encoded.
fn query_params(query: &str) -> Option<Vec<(&str, String)>> {
    query
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            decode(value).map(|value| (name, value))
        })
        .collect()
}

/// The first value of `name`.
fn param<'p>(params: &'p [(&str, String)], name: &str) -> Option<&'p str> {
    params
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
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
            let url = redeem_url(Offering::Dod, tenant, user, "00ff");
            assert_eq!(
                parse_redeem_url(&url).map_err(|e| e.code()),
                Ok(RedeemTarget {
                    tenant_id: tenant.into(),
                    user_id: user.into(),
                    ticket: "00ff".into(),
                })
            );
        }
        assert_eq!(
            redeem_url(Offering::Commercial, "contoso", "eve", "0a1b"),
            "https://login.microsoftonline.com/redeem?rd=https%3A%2F%2Finvitations.microsoft.com%2Fredeem%2F%3Ftenant%3Dcontoso%26user%3Deve%26ticket%3D0a1b%26ver%3D2.0"
        );
    }

    /// Issue 16.6: every link on the hosts of the tenant's cloud (GCC keeps the commercial
    /// sign-in and My Apps hosts; GCC High and DoD use the .us ones; 21Vianet its own).
    // Entra "National clouds" (login hosts); clouds.rs names the My Apps hosts and their documents.
    #[test]
    fn links_follow_the_cloud() {
        let link = |o| direct_link(o, "t", "a");
        assert_eq!(
            link(Offering::Gcc),
            "https://myapps.microsoft.com/signin/a?tenantId=t"
        );
        assert_eq!(
            link(Offering::Dod),
            "https://myapps.microsoft.us/signin/a?tenantId=t"
        );
        assert_eq!(link(Offering::China), Offering::China.my_apps());
        assert_eq!(
            my_apps_portal(Offering::GccHigh, "t"),
            "https://myapps.microsoft.us/?tenantId=t"
        );
        for o in Offering::ALL {
            let url = redeem_url(o, "t", "u", "ab");
            assert!(
                url.starts_with(&format!("{}/redeem?rd=", o.login())),
                "{url}"
            );
            assert_eq!(
                parse_redeem_url(&url).map(|t| t.user_id),
                Ok("u".to_string())
            );
        }
    }

    #[test]
    fn other_links_are_refused() {
        let inner = |q: &str| {
            let rd = encode(&format!("{INVITATIONS}?{q}"));
            format!("https://login.microsoftonline.com/redeem?rd={rd}")
        };
        for bad in [
            "https://evil.example/redeem?tenantId=a&userId=b".to_string(),
            "https://login.microsoftonline.com/redeem?tenantId=a&userId=b".to_string(),
            "https://login.microsoftonline.com.evil.example/redeem?rd=x".to_string(),
            "https://login.microsoftonline.com/redeem?rd=https%3A%2F%2Fevil.example%2F%3Ftenant%3Da".to_string(),
            "https://login.microsoftonline.com/redeem?rd=%G1".to_string(),
            inner("tenant=a&user=b"),
            inner("tenant=a&user=b&ticket="),
            inner("tenant=a&user=%C3&ticket=00"),
        ] {
            assert_eq!(
                parse_redeem_url(&bad).map_err(|e| e.code()),
                Err("INVALID_VALUE"),
                "{bad}"
            );
        }
    }
}

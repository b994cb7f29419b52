//! The userPrincipalName Entra gives an invited guest, and the address it was made from.
//!
//! Entra mints a B2B guest's UPN from their address: `alice@contoso.com` invited into
//! fabrikam becomes `alice_contoso.com#EXT#@fabrikam.onmicrosoft.com` (the `@` turned
//! into `_`, then `#EXT#@` and the resource tenant's domain). Search, Graph import and
//! sign-in all read that form; this is the one place that does, so they agree on case
//! and on what is not such a UPN.

/// The marker between the encoded address and the resource tenant's domain.
pub const EXT_MARKER: &str = "#EXT#";

/// Where `#EXT#` starts in `upn`, in any case (`#ext#` too): Entra writes it upper-case,
/// but UPNs compare without case, and a lower-cased copy must read the same.
pub fn marker_at(upn: &str) -> Option<usize> {
    upn.as_bytes()
        .windows(EXT_MARKER.len())
        .position(|w| w.eq_ignore_ascii_case(EXT_MARKER.as_bytes()))
}

/// Whether `upn` contains `#EXT#` in any case: Entra marks a B2B guest's UPN so.
pub fn is_guest_upn(upn: &str) -> bool {
    marker_at(upn).is_some()
}

/// The address a guest UPN was made from: `alice_contoso.com#EXT#@fabrikam.onmicrosoft.com`
/// answers `alice@contoso.com` (the last `_` before `#EXT#` was the `@`, so
/// `first_last_contoso.com#EXT#@…` is `first_last@contoso.com`).
///
/// Follows Entra's documented form ("Properties of a Microsoft Entra B2B collaboration
/// user": `<address with _ for @>#EXT#@<tenant domain>`): `None` unless `#EXT#` (any case)
/// is followed by `@` and a domain, and is preceded by a non-empty local part, `_` and a
/// non-empty domain.
///
/// ```
/// use guestpass::model::guest_upn::decode;
/// assert_eq!(decode("alice_contoso.com#ext#@fabrikam.onmicrosoft.com").as_deref(), Some("alice@contoso.com"));
/// assert_eq!(decode("_contoso.com#EXT#@fabrikam.onmicrosoft.com"), None);
/// assert_eq!(decode("alice@contoso.com"), None);
/// ```
pub fn decode(upn: &str) -> Option<String> {
    let at = marker_at(upn)?;
    let encoded = upn.get(..at)?;
    let tenant_domain = upn.get(at + EXT_MARKER.len()..)?.strip_prefix('@')?;
    let (local, domain) = encoded.rsplit_once('_')?;
    if local.is_empty() || domain.is_empty() || tenant_domain.is_empty() {
        return None;
    }
    Some(format!("{local}@{domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entras_form_in_any_case() {
        for (upn, address) in [
            (
                "alice_contoso.com#EXT#@fabrikam.onmicrosoft.com",
                Some("alice@contoso.com"),
            ),
            (
                "first_last_contoso.com#ext#@fabrikam.onmicrosoft.com",
                Some("first_last@contoso.com"),
            ),
            (
                "jean_luc_fabrikam.fr#Ext#@x.onmicrosoft.com",
                Some("jean_luc@fabrikam.fr"),
            ),
            ("bob@contoso.com", None),
            ("_contoso.com#EXT#@fabrikam.onmicrosoft.com", None),
            ("alice_#EXT#@fabrikam.onmicrosoft.com", None),
            ("alicecontoso.com#EXT#@fabrikam.onmicrosoft.com", None),
            ("alice_contoso.com#EXT#@", None),
            ("alice_contoso.com#EXT#", None),
            ("alice_contoso.com#EXT#fabrikam.onmicrosoft.com", None),
            ("é_ü.com#EXT#@x.com", Some("é@ü.com")),
        ] {
            assert_eq!(decode(upn).as_deref(), address, "{upn}");
        }
        assert!(is_guest_upn("a_b.com#ext#@c.com"));
        assert!(!is_guest_upn("a@b.com"));
    }
}

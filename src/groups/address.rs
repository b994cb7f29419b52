//! Is this text an email address one can invite? A deliberately plain check, close to
//! what Entra's invitation accepts in practice, without a regular-expression engine:
//!
//! - surrounding spaces are ignored; the rest is at most 254 characters (RFC 5321) and
//!   holds no spaces or control characters;
//! - exactly one `@`, with a local part of 1–64 characters before it: letters, digits and
//!   `! # $ % & ' * + - / = ? ^ _ ` { | } ~ .`, with no dot first, last or doubled;
//! - a domain after it of at least two dot-separated labels, each 1–63 letters, digits or
//!   inner hyphens, the last one (the top-level domain) not all digits.
//!
//! Letters may be any Unicode letters (internationalized addresses). Quoted local parts,
//! comments and IP-literal domains (`user@[10.0.0.1]`) are refused: nobody invites a
//! guest with them.

use crate::error::{Error, Result};

/// Longest address, in characters (RFC 5321 path limit).
pub const MAX_ADDRESS_CHARS: usize = 254;
/// Longest local part (before the `@`), in characters.
pub const MAX_LOCAL_CHARS: usize = 64;
/// Longest domain label, in characters.
pub const MAX_LABEL_CHARS: usize = 63;

/// An address that passed the check, split at its `@`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress {
    text: String,
    at: usize,
}

impl EmailAddress {
    /// Checks `text` (see the module documentation), refusing it with `INVALID_EMAIL` and
    /// the reason.
    ///
    /// ```
    /// use guestpass::groups::EmailAddress;
    /// # fn main() -> Result<(), guestpass::Error> {
    /// let address = EmailAddress::parse(" Eve@Northwind.com ")?;
    /// assert_eq!(address.domain(), "Northwind.com");
    /// assert_eq!(EmailAddress::parse("eve@").map_err(|e| e.code()), Err("INVALID_EMAIL"));
    /// # Ok(()) }
    /// ```
    pub fn parse(text: &str) -> Result<EmailAddress> {
        let text = text.trim();
        let refuse = |reason: &str| Error::InvalidEmail {
            email: text.chars().take(MAX_ADDRESS_CHARS + 1).collect(),
            reason: reason.to_string(),
        };
        if text.is_empty() {
            return Err(refuse("it is empty"));
        }
        if text.chars().count() > MAX_ADDRESS_CHARS {
            return Err(refuse("it is longer than 254 characters"));
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(refuse("it contains spaces or control characters"));
        }
        let Some((local, domain)) = text.split_once('@') else {
            return Err(refuse("it has no @"));
        };
        if domain.contains('@') {
            return Err(refuse("it has more than one @"));
        }
        check_local(local).map_err(refuse)?;
        check_domain(domain).map_err(refuse)?;
        Ok(EmailAddress {
            text: text.to_string(),
            at: local.len(),
        })
    }

    /// The whole address as given (without surrounding spaces).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The part before the `@`.
    pub fn local(&self) -> &str {
        self.text.get(..self.at).unwrap_or_default()
    }

    /// The part after the `@`.
    pub fn domain(&self) -> &str {
        self.text.get(self.at + 1..).unwrap_or_default()
    }
}

fn check_local(local: &str) -> std::result::Result<(), &'static str> {
    if local.is_empty() {
        return Err("nothing comes before the @");
    }
    if local.chars().count() > MAX_LOCAL_CHARS {
        return Err("the part before the @ is longer than 64 characters");
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err("the part before the @ starts or ends with a dot, or has two dots in a row");
    }
    let allowed = |c: char| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
    if !local.chars().all(allowed) {
        return Err("the part before the @ may hold only letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~ .");
    }
    Ok(())
}

fn check_domain(domain: &str) -> std::result::Result<(), &'static str> {
    if domain.is_empty() {
        return Err("nothing comes after the @");
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Err("the domain needs a dot, e.g. contoso.com");
    }
    for label in &labels {
        if label.is_empty() {
            return Err("the domain starts or ends with a dot, or has two dots in a row");
        }
        if label.chars().count() > MAX_LABEL_CHARS {
            return Err("a part of the domain is longer than 63 characters");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err("a part of the domain starts or ends with a hyphen");
        }
        if !label.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return Err("the domain may hold only letters, digits, hyphens and dots");
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err("the domain ends in a number; IP addresses are not accepted");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_pass() {
        for ok in [
            "eve@northwind.com",
            "Eve.Adams+news@mail.north-wind.co.uk",
            "o'brien@example.ie",
            "josé@exämple.de",
            "x@y.io",
        ] {
            let address = EmailAddress::parse(ok).map_err(|e| e.to_string());
            assert!(address.is_ok(), "{ok}: {address:?}");
        }
        let a = EmailAddress::parse("  eve@northwind.com\t").map_err(|e| e.to_string());
        assert_eq!(
            a.map(|a| (a.local().to_string(), a.domain().to_string())),
            Ok(("eve".to_string(), "northwind.com".to_string()))
        );
    }

    #[test]
    fn anything_else_is_invalid_email() {
        let long_local = format!("{}@x.com", "a".repeat(65));
        let long_label = format!("a@{}.com", "b".repeat(64));
        let too_long = format!("a@{}.com", "b.".repeat(130));
        for bad in [
            "",
            "   ",
            "eve",
            "eve@",
            "@northwind.com",
            "eve@@northwind.com",
            "eve@north@wind.com",
            "eve@northwind",
            "eve@northwind.",
            "eve@.northwind.com",
            "eve@north..wind.com",
            "eve@-northwind.com",
            "eve@northwind-.com",
            "eve@north_wind.com",
            "eve@10.0.0.1",
            "eve@[10.0.0.1]",
            ".eve@northwind.com",
            "eve.@northwind.com",
            "e..ve@northwind.com",
            "e ve@northwind.com",
            "\"eve\"@northwind.com",
            "eve(comment)@northwind.com",
            "eve@north\nwind.com",
            long_local.as_str(),
            long_label.as_str(),
            too_long.as_str(),
        ] {
            let err = EmailAddress::parse(bad).map(|a| a.as_str().to_string());
            assert_eq!(
                err.as_ref().map_err(|e| e.code()),
                Err("INVALID_EMAIL"),
                "{bad:?} -> {err:?}"
            );
        }
    }
}

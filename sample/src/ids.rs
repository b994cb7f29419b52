//! How generated ids are spelled: `<tenant>-<kind><number>`, the number zero-padded
//! (`contoso-u000042`, `fabrikam-grp00007`), so ids sort in creation order.

use std::fmt::Write;

/// The id of the `n`th generated object of `kind` in `tenant`, padded to `width` digits.
pub(super) fn numbered(tenant: &str, kind: &str, n: usize, width: usize) -> String {
    let mut id = String::with_capacity(tenant.len() + kind.len() + width + 2);
    // Writing to a String cannot fail.
    let _ = write!(id, "{tenant}-{kind}{n:0width$}");
    id
}

#[cfg(test)]
mod tests {
    #[test]
    fn padded() {
        assert_eq!(super::numbered("contoso", "u", 42, 6), "contoso-u000042");
        assert_eq!(super::numbered("x", "grp", 1_234_567, 5), "x-grp1234567");
    }
}

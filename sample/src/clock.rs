//! Times of the sample world: the two weeks before 2026-11-20, as RFC 3339 UTC text.

/// Seconds in the window: 2026-11-06T00:00:00Z up to (not including) 2026-11-20T00:00:00Z.
pub(super) const WINDOW_SECONDS: u32 = 14 * 86_400;

/// `2026-11-DDTHH:MM:SSZ` for a number of seconds after 2026-11-06T00:00:00Z
/// (clamped to the window).
pub(super) fn at(seconds: u32) -> String {
    let s = seconds.min(WINDOW_SECONDS - 1);
    let day = 6 + s / 86_400;
    let rest = s % 86_400;
    format!(
        "2026-11-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_edges() {
        assert_eq!(at(0), "2026-11-06T00:00:00Z");
        assert_eq!(at(86_400 + 3_661), "2026-11-07T01:01:01Z");
        assert_eq!(at(u32::MAX), "2026-11-19T23:59:59Z");
    }
}

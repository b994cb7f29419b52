//! Times of the sample world: the two weeks before 2026-11-20, as RFC 3339 UTC text, and
//! the same world dated relative to another present ([`date_at`]).

use guestpass::model::World;
use guestpass::timestamp::Timestamp;

/// The sample world's present: its approvals are dated in the two weeks before it, so an
/// inbox asked at this time holds pending, completed and soon-expiring approvals alike.
pub const SAMPLE_NOW: &str = "2026-11-20T12:00:00Z";

/// Moves every time of `world`'s approvals (created, completed, responded) by the distance
/// from [`SAMPLE_NOW`] to `now`, so the world looks at `now` as the sample looks at
/// [`SAMPLE_NOW`]: the same approvals pending, the same ones expiring. Refused with
/// `INVALID_TIME` when a moved time is past the representable range.
///
/// ```
/// use guestpass::timestamp::Timestamp;
/// use guestpass_sample::{date_at, sample_world, SampleOptions};
/// let mut world = sample_world(&SampleOptions::default());
/// let year_on = Timestamp::parse("now", "2027-11-20T12:00:00Z").unwrap();
/// date_at(&mut world, year_on).unwrap();
/// let inv = world.approvals.iter().find(|a| a.id == "inv-42").unwrap();
/// assert!(inv.created_at.starts_with("2027-11-"));
/// ```
pub fn date_at(world: &mut World, now: Timestamp) -> guestpass::Result<()> {
    let base = Timestamp::parse("now", SAMPLE_NOW)?;
    let shift = now.seconds_since(base);
    let moved = |text: &mut String| -> guestpass::Result<()> {
        let at = Timestamp::parse("createdAt", text)?;
        *text = at
            .plus_seconds(shift)
            .ok_or_else(|| guestpass::Error::InvalidTime {
                field: "now".into(),
                value: now.to_rfc3339(),
            })?
            .to_rfc3339();
        Ok(())
    };
    for approval in &mut world.approvals {
        moved(&mut approval.created_at)?;
        if let Some(done) = &mut approval.completed_at {
            moved(done)?;
        }
        for response in &mut approval.responses {
            moved(&mut response.responded_at)?;
        }
    }
    Ok(())
}

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
    fn dating_at_the_sample_present_changes_nothing_and_a_year_on_moves_every_time() {
        use crate::{sample_world, SampleOptions};
        let original = sample_world(&SampleOptions::default());
        let mut same = original.clone();
        date_at(&mut same, Timestamp::parse("now", SAMPLE_NOW).unwrap()).unwrap();
        assert_eq!(same, original);
        let mut later = original.clone();
        let year_on = Timestamp::parse("now", "2027-11-20T12:00:00Z").unwrap();
        date_at(&mut later, year_on).unwrap();
        let shift = 365 * 86_400;
        let moved = |a: &str, b: &str| {
            let (a, b) = (
                Timestamp::parse("a", a).unwrap(),
                Timestamp::parse("b", b).unwrap(),
            );
            b.seconds_since(a)
        };
        for (a, b) in original.approvals.iter().zip(&later.approvals) {
            assert_eq!(moved(&a.created_at, &b.created_at), shift, "{}", a.id);
            for (r, s) in a.responses.iter().zip(&b.responses) {
                assert_eq!(moved(&r.responded_at, &s.responded_at), shift, "{}", a.id);
            }
            assert_eq!(a.completed_at.is_some(), b.completed_at.is_some());
        }
        assert_eq!(later.users, original.users);
    }

    #[test]
    fn window_edges() {
        assert_eq!(at(0), "2026-11-06T00:00:00Z");
        assert_eq!(at(86_400 + 3_661), "2026-11-07T01:01:01Z");
        assert_eq!(at(u32::MAX), "2026-11-19T23:59:59Z");
    }
}

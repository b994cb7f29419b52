//! Points in time as RFC 3339 text: what an approval's `createdAt`, `respondedAt` and
//! `completedAt` mean, and the clock a caller sets.
//!
//! guestpass never reads a system clock (there is none in plain WebAssembly, and answers
//! must be reproducible): every time comes in as text or as Unix milliseconds. Text may
//! carry any UTC offset (`2026-11-20T10:00:00+01:00`) and fractional seconds; times are
//! compared as instants and written back in UTC with a `Z`.

use crate::error::{Error, Result};
use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};
use std::fmt;

/// An instant, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(DateTime<Utc>);

impl Timestamp {
    /// The start of the Unix epoch, 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Timestamp = Timestamp(DateTime::UNIX_EPOCH);

    /// Reads RFC 3339 text such as `2026-11-20T09:00:00Z`; `field` names where it came
    /// from, for the `INVALID_TIME` error.
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// use guestpass::timestamp::Timestamp;
    /// let t = Timestamp::parse("createdAt", "2026-11-20T10:00:00+01:00")?;
    /// assert_eq!(t.to_string(), "2026-11-20T09:00:00Z");
    /// assert_eq!(Timestamp::parse("createdAt", "20/11/2026").unwrap_err().code(), "INVALID_TIME");
    /// # Ok(()) }
    /// ```
    pub fn parse(field: &str, text: &str) -> Result<Timestamp> {
        Timestamp::from_rfc3339(text).ok_or_else(|| Error::InvalidTime {
            field: field.to_string(),
            value: text.to_string(),
        })
    }

    /// Reads RFC 3339 text; `None` when it is not a time.
    pub fn from_rfc3339(text: &str) -> Option<Timestamp> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| Timestamp(t.with_timezone(&Utc)))
    }

    /// The instant `millis` milliseconds after the Unix epoch (JavaScript's `Date.now()`);
    /// `None` when it is not a finite time chrono can represent.
    pub fn from_unix_millis(millis: f64) -> Option<Timestamp> {
        if !millis.is_finite() || millis.abs() > 8.64e15 {
            return None;
        }
        DateTime::from_timestamp_millis(millis.trunc() as i64).map(Timestamp)
    }

    /// This instant plus `days` whole days; `None` past the representable range.
    pub fn plus_days(self, days: i64) -> Option<Timestamp> {
        let delta = TimeDelta::try_days(days)?;
        self.0.checked_add_signed(delta).map(Timestamp)
    }

    /// This instant plus `seconds` (negative: minus); `None` past the representable range.
    pub fn plus_seconds(self, seconds: i64) -> Option<Timestamp> {
        let delta = TimeDelta::try_seconds(seconds)?;
        self.0.checked_add_signed(delta).map(Timestamp)
    }

    /// Whole seconds from `earlier` to this instant (negative when it is later).
    pub fn seconds_since(self, earlier: Timestamp) -> i64 {
        (self.0 - earlier.0).num_seconds()
    }

    /// The largest value of [`Timestamp::order_bits`].
    pub const ORDER_BITS_MAX: u128 = (1 << 96) - 1;

    /// A number in `0..=ORDER_BITS_MAX` (96 bits) that orders as the instants do: the
    /// seconds since the epoch, offset to be non-negative, above the nanoseconds.
    ///
    /// ```
    /// use guestpass::timestamp::Timestamp;
    /// let epoch = Timestamp::UNIX_EPOCH.order_bits();
    /// let bits = |text| Timestamp::from_rfc3339(text).map(Timestamp::order_bits);
    /// assert!(bits("1969-12-31T23:59:59.5Z").is_some_and(|a| a < epoch));
    /// assert!(bits("2026-11-20T09:00:00.25Z").is_some_and(|b| b > epoch));
    /// ```
    pub fn order_bits(self) -> u128 {
        let seconds = (self.0.timestamp() as u64) ^ (1 << 63);
        (u128::from(seconds) << 32) | u128::from(self.0.timestamp_subsec_nanos())
    }

    /// This instant minus `days` whole days; `None` past the representable range.
    pub fn minus_days(self, days: i64) -> Option<Timestamp> {
        let delta = TimeDelta::try_days(days)?;
        self.0.checked_sub_signed(delta).map(Timestamp)
    }

    /// RFC 3339 text in UTC with a `Z`, with fractional seconds only when there are any.
    pub fn to_rfc3339(self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_fractions_are_read_and_written_in_utc() {
        let t = Timestamp::parse("t", "2026-11-20T10:00:00.250+01:00").unwrap();
        assert_eq!(t.to_string(), "2026-11-20T09:00:00.250Z");
        let z = Timestamp::parse("t", "2026-11-20T09:00:00.25Z").unwrap();
        assert_eq!(t, z);
    }

    #[test]
    fn days_cross_months_years_and_leap_days() {
        let t = Timestamp::parse("t", "2028-02-10T12:00:00Z").unwrap();
        assert_eq!(t.plus_days(28).unwrap().to_string(), "2028-03-09T12:00:00Z");
        let t = Timestamp::parse("t", "2026-12-20T00:00:00Z").unwrap();
        assert_eq!(t.plus_days(28).unwrap().to_string(), "2027-01-17T00:00:00Z");
        assert_eq!(t.plus_days(28).unwrap().minus_days(28), Some(t));
    }

    #[test]
    fn bad_text_is_refused_with_the_field() {
        for bad in [
            "",
            "2026-11-20",
            "2026-11-20T09:00:00",
            "2026-02-30T09:00:00Z",
            "2026-11-20T25:00:00Z",
            "yesterday",
        ] {
            let err = Timestamp::parse("createdAt", bad).unwrap_err();
            assert_eq!(err.code(), "INVALID_TIME", "{bad}");
            assert!(err.to_string().contains("createdAt"), "{err}");
        }
    }

    #[test]
    fn unix_millis_from_javascript() {
        let t = Timestamp::from_unix_millis(1_795_428_000_123.9).unwrap();
        assert_eq!(t.to_string(), "2026-11-23T10:00:00.123Z");
        assert_eq!(Timestamp::from_unix_millis(f64::NAN), None);
        assert_eq!(Timestamp::from_unix_millis(1e300), None);
    }
}

//! Points in time as RFC 3339 text: what an approval's `createdAt`, `respondedAt` and
//! `completedAt` mean, and the clock a caller sets.
//!
//! guestpass never reads a system clock (there is none in plain WebAssembly, and answers
//! must be reproducible): every time comes in as text or as Unix milliseconds. Text may
//! carry any UTC offset (`2026-11-20T10:00:00+01:00`) and fractional seconds; times are
//! compared as instants and written back in UTC with a `Z`.

use crate::error::{Error, Result};
use std::fmt;

/// An instant, in UTC: seconds since the Unix epoch and nanoseconds within the second.
///
/// The rules are chrono's (`DateTime<Utc>`, which this replaced to keep the Wasm module
/// small; `tests::agrees_with_chrono` holds them to it): the proleptic Gregorian calendar
/// from year −262,143 to 262,142, and a leap second (`23:59:60`) kept as nanoseconds from
/// 1,000,000,000 on in the second before it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    secs: i64,
    /// Nanoseconds, below 2,000,000,000 (from 1,000,000,000 on: a leap second).
    nanos: u32,
}

const DAY: i64 = 86_400;
const BILLION: u32 = 1_000_000_000;
/// The first second of -262143-01-01 and the last of +262142-12-31 (chrono's range).
const MIN_SECS: i64 = -8_334_601_228_800;
const MAX_SECS: i64 = 8_210_266_876_799;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day since 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// The value of the ASCII digits `bytes[at..at + n]`; `None` if one is not a digit.
fn digits(bytes: &[u8], at: usize, n: usize) -> Option<u32> {
    bytes.get(at..at + n)?.iter().try_fold(0u32, |v, &b| {
        b.is_ascii_digit().then(|| v * 10 + u32::from(b - b'0'))
    })
}

/// Two digits, for the text forms.
fn push_two(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

impl Timestamp {
    /// The start of the Unix epoch, 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Timestamp = Timestamp { secs: 0, nanos: 0 };

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
    ///
    /// `YYYY-MM-DD`, `T` (or `t` or a space), `hh:mm:ss`, optional `.` and 1 or more
    /// digits (past the ninth ignored), then `Z` (or `z`) or an offset `±hh:mm` below 24
    /// hours (`−`, U+2212, also counts as minus); seconds `60` are a leap second.
    pub fn from_rfc3339(text: &str) -> Option<Timestamp> {
        let b = text.as_bytes();
        let sep = |at: usize, c: u8| b.get(at) == Some(&c);
        let year = digits(b, 0, 4)?;
        let month = digits(b, 5, 2)?;
        let day = digits(b, 8, 2)?;
        let (hour, minute, second) = (digits(b, 11, 2)?, digits(b, 14, 2)?, digits(b, 17, 2)?);
        let shaped = sep(4, b'-')
            && sep(7, b'-')
            && matches!(b.get(10), Some(b'T' | b't' | b' '))
            && sep(13, b':')
            && sep(16, b':');
        if !shaped
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(i64::from(year), month)
        {
            return None;
        }
        let (second, mut nanos) = if second == 60 {
            (59, BILLION)
        } else {
            (second, 0)
        };
        let mut rest = b.get(19..)?;
        if let Some((b'.', after)) = rest.split_first() {
            let count = after.iter().take_while(|c| c.is_ascii_digit()).count();
            if count == 0 {
                return None;
            }
            let kept = count.min(9);
            let value = digits(after, 0, kept)?;
            nanos += value * 10u32.pow((9 - kept) as u32);
            rest = after.get(count..)?;
        }
        if hour >= 24 || minute >= 60 || second >= 60 {
            return None;
        }
        let offset: i64 = match rest {
            [b'Z' | b'z'] => 0,
            _ => {
                let (negative, tail) = match rest {
                    [b'+', tail @ ..] => (false, tail),
                    [b'-', tail @ ..] => (true, tail),
                    [0xE2, 0x88, 0x92, tail @ ..] => (true, tail),
                    _ => return None,
                };
                let [h1, h2, b':', m1, m2] = *tail else {
                    return None;
                };
                let hours = digits(&[h1, h2], 0, 2)?;
                let minutes = digits(&[m1, m2], 0, 2)?;
                let total = i64::from(hours * 3600 + minutes * 60);
                if minutes >= 60 || total >= DAY {
                    return None;
                }
                if negative {
                    -total
                } else {
                    total
                }
            }
        };
        let local = days_from_civil(i64::from(year), month, day) * DAY
            + i64::from(hour * 3600 + minute * 60 + second);
        Some(Timestamp {
            secs: local - offset,
            nanos,
        })
    }

    /// The instant `millis` milliseconds after the Unix epoch (JavaScript's `Date.now()`);
    /// `None` when it is not a finite time in the representable range.
    pub fn from_unix_millis(millis: f64) -> Option<Timestamp> {
        if !millis.is_finite() || millis.abs() > 8.64e15 {
            return None;
        }
        let millis = millis.trunc() as i64;
        let secs = millis.div_euclid(1000);
        let nanos = millis.rem_euclid(1000) as u32 * 1_000_000;
        (MIN_SECS..=MAX_SECS)
            .contains(&secs)
            .then_some(Timestamp { secs, nanos })
    }

    /// This instant plus `days` whole days (which may be negative); `None` past the
    /// representable range. Moving off a leap second lands on the second before it
    /// going forward and the second after it going back, as chrono does.
    fn add_days(self, days: i64) -> Option<Timestamp> {
        let mut t = self;
        if t.nanos >= BILLION && days != 0 {
            t.nanos -= BILLION;
            if days < 0 {
                t.secs += 1;
            }
        }
        let secs = days.checked_mul(DAY).and_then(|d| t.secs.checked_add(d))?;
        (MIN_SECS..=MAX_SECS)
            .contains(&secs)
            .then_some(Timestamp { secs, ..t })
    }

    /// This instant plus `days` whole days; `None` past the representable range.
    pub fn plus_days(self, days: i64) -> Option<Timestamp> {
        self.add_days(days)
    }

    /// The largest value of [`Timestamp::order_bits`].
    pub const ORDER_BITS_MAX: u128 = (1 << 96) - 1;

    /// A number in `0..=ORDER_BITS_MAX` (96 bits) that orders as the instants do: the
    /// seconds since the epoch, offset to be non-negative, above the nanoseconds.
    ///
    /// ```
    /// use guestpass::timestamp::Timestamp;
    /// let a = Timestamp::from_rfc3339("1969-12-31T23:59:59.5Z").unwrap();
    /// let b = Timestamp::from_rfc3339("2026-11-20T09:00:00.25Z").unwrap();
    /// assert!(a.order_bits() < Timestamp::UNIX_EPOCH.order_bits());
    /// assert!(Timestamp::UNIX_EPOCH.order_bits() < b.order_bits());
    /// ```
    pub fn order_bits(self) -> u128 {
        let seconds = (self.secs as u64) ^ (1 << 63);
        (u128::from(seconds) << 32) | u128::from(self.nanos)
    }

    /// This instant minus `days` whole days; `None` past the representable range.
    pub fn minus_days(self, days: i64) -> Option<Timestamp> {
        self.add_days(days.checked_neg()?)
    }

    /// RFC 3339 text in UTC with a `Z`, with fractional seconds only when there are any
    /// (3, 6 or 9 digits, as few as show them all).
    pub fn to_rfc3339(self) -> String {
        let mut out = String::with_capacity(32);
        let (year, month, day) = civil_from_days(self.secs.div_euclid(DAY));
        let of_day = self.secs.rem_euclid(DAY) as u32;
        let (mut second, mut nanos) = (of_day % 60, self.nanos);
        if nanos >= BILLION {
            second += 1;
            nanos -= BILLION;
        }
        if (0..=9999).contains(&year) {
            push_two(&mut out, (year / 100) as u32);
            push_two(&mut out, (year % 100) as u32);
        } else {
            out.push_str(&format!("{year:+05}"));
        }
        for (sep, n) in [
            ('-', month),
            ('-', day),
            ('T', of_day / 3600),
            (':', of_day / 60 % 60),
            (':', second),
        ] {
            out.push(sep);
            push_two(&mut out, n);
        }
        let fraction = if nanos == 0 {
            String::new()
        } else if nanos % 1_000_000 == 0 {
            format!(".{:03}", nanos / 1_000_000)
        } else if nanos % 1000 == 0 {
            format!(".{:06}", nanos / 1000)
        } else {
            format!(".{nanos:09}")
        };
        out.push_str(&fraction);
        out.push('Z');
        out
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.to_rfc3339())
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

    /// chrono's answer, as (seconds, nanoseconds, text).
    fn chrono_of(t: chrono::DateTime<chrono::Utc>) -> (i64, u32, String) {
        (
            t.timestamp(),
            t.timestamp_subsec_nanos(),
            t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        )
    }

    fn ours_of(t: Timestamp) -> (i64, u32, String) {
        (t.secs, t.nanos, t.to_rfc3339())
    }

    /// A small xorshift generator, so the comparison is the same on every run.
    struct Dice(u64);

    impl Dice {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len() as u64) as usize]
        }
    }

    /// Text near RFC 3339: every field in and out of range, every separator, fractions
    /// of 0 to 12 digits, every offset form, and a random character replaced, dropped or
    /// added now and then.
    fn near_rfc3339(d: &mut Dice) -> String {
        let year = match d.below(6) {
            0 => 0,
            1 => 9999,
            2 => 1600 + 4 * d.below(150),
            _ => d.below(10_000),
        };
        let month = d.below(14);
        let day = d.below(33);
        let (hour, minute, second) = (d.below(26), d.below(62), d.below(62));
        let sep = |d: &mut Dice, usual: &'static str| {
            if d.below(12) == 0 {
                d.pick(&["-", ":", "T", "t", " ", "x", "", "é"])
            } else {
                usual
            }
        };
        let mut s = format!("{year:04}{}{month:02}{}{day:02}", sep(d, "-"), sep(d, "-"));
        s.push_str(d.pick(&["T", "T", "T", "t", " ", "x", "TT"]));
        s.push_str(&format!(
            "{hour:02}{}{minute:02}{}{second:02}",
            sep(d, ":"),
            sep(d, ":")
        ));
        if d.below(3) == 0 {
            s.push('.');
            for _ in 0..d.below(13) {
                s.push(char::from(b'0' + d.below(10) as u8));
            }
        }
        let offset = match d.below(9) {
            0 => "Z".to_string(),
            1 => "z".to_string(),
            2 => String::new(),
            3 => d
                .pick(&["UTC", "+0100", "+01", "+1:00", "GMT", "Zz", " Z", "+01:00 "])
                .to_string(),
            _ => format!(
                "{}{:02}:{:02}",
                d.pick(&["+", "-", "\u{2212}", "+", "-"]),
                d.below(26),
                d.below(62)
            ),
        };
        s.push_str(&offset);
        let mut chars: Vec<char> = s.chars().collect();
        if d.below(5) == 0 && !chars.is_empty() {
            let at = d.below(chars.len() as u64) as usize;
            let c = d.pick(&["0", "9", "a", "-", ":", ".", "Z", "+", "é", "\u{FF19}", " "]);
            let c = c.chars().next().unwrap();
            match d.below(3) {
                0 => chars[at] = c,
                1 => {
                    chars.remove(at);
                }
                _ => chars.insert(at, c),
            }
        }
        chars.into_iter().collect()
    }

    /// `days` added and subtracted both ways agree.
    fn days_agree(ours: Timestamp, theirs: chrono::DateTime<chrono::Utc>, days: i64, what: &str) {
        let delta = chrono::TimeDelta::try_days(days);
        let plus = delta.and_then(|t| theirs.checked_add_signed(t));
        let minus = delta.and_then(|t| theirs.checked_sub_signed(t));
        assert_eq!(
            ours.plus_days(days).map(ours_of),
            plus.map(chrono_of),
            "{what} + {days}"
        );
        assert_eq!(
            ours.minus_days(days).map(ours_of),
            minus.map(chrono_of),
            "{what} - {days}"
        );
    }

    #[test]
    fn agrees_with_chrono() {
        let mut d = Dice(0x9E37_79B9_7F4A_7C15);
        let mut parsed = 0;
        for _ in 0..300_000 {
            let text = near_rfc3339(&mut d);
            let theirs = chrono::DateTime::parse_from_rfc3339(&text)
                .ok()
                .map(|t| t.with_timezone(&chrono::Utc));
            let ours = Timestamp::from_rfc3339(&text);
            assert_eq!(ours.map(ours_of), theirs.map(chrono_of), "{text:?}");
            if let (Some(ours), Some(theirs)) = (ours, theirs) {
                parsed += 1;
                let far = d.below(4_000_000) as i64 - 2_000_000;
                for days in [0, 1, 28, -28, far] {
                    days_agree(ours, theirs, days, &text);
                }
            }
        }
        assert!(parsed > 30_000, "only {parsed} texts were times");
    }

    #[test]
    fn range_edges_agree_with_chrono() {
        let min = chrono::DateTime::<chrono::Utc>::MIN_UTC.timestamp();
        let max = chrono::DateTime::<chrono::Utc>::MAX_UTC.timestamp();
        assert_eq!((min, max), (MIN_SECS, MAX_SECS));
        let mut millis: Vec<f64> = vec![0.0, -1.0, 1.0, -0.5, 0.999, 8.64e15, -8.64e15, 8.7e15];
        for edge in [min, max] {
            for step in [-1001, -1000, -999, -1, 0, 1, 999, 1000, 1001] {
                millis.push((edge * 1000 + step) as f64);
            }
        }
        for &ms in &millis {
            let theirs = chrono::DateTime::from_timestamp_millis(ms.trunc() as i64)
                .filter(|_| ms.is_finite() && ms.abs() <= 8.64e15);
            let ours = Timestamp::from_unix_millis(ms);
            assert_eq!(ours.map(ours_of), theirs.map(chrono_of), "{ms}");
            if let (Some(ours), Some(theirs)) = (ours, theirs) {
                let huge = 106_751_991_167_300;
                for days in [1, -1, 28, -28, huge, -huge, i64::MAX, i64::MIN] {
                    days_agree(ours, theirs, days, &ms.to_string());
                }
            }
        }
        // A leap second moved by days, both ways.
        let text = "2016-12-31T23:59:60.5+00:00";
        let theirs = chrono::DateTime::parse_from_rfc3339(text).unwrap().to_utc();
        let ours = Timestamp::from_rfc3339(text).unwrap();
        for days in [0, 1, -1, 28, -28] {
            days_agree(ours, theirs, days, text);
        }
    }

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

//! A bounded little-endian byte writer and reader for snapshot bodies: fixed-width
//! integers and arrays, and the compact forms the world is written in (LEB128 varints from
//! [`crate::varint`], length-prefixed UTF-8 strings, optional strings as a varint of the
//! length plus one).
//!
//! The reader never reads past its input and never allocates more than the bytes left
//! could hold, so a damaged or forged length cannot make it panic or claim gigabytes:
//! every failure is [`Error::SnapshotCorrupt`] naming what was being read.

use crate::error::{Error, Result};
use crate::varint::{self, Malformed};

/// Appends little-endian values to a byte vector.
#[derive(Debug, Default)]
pub struct Writer {
    bytes: Vec<u8>,
    /// Strings written by [`Writer::shared`] so far, with their number.
    shared: std::collections::HashMap<String, u32>,
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Self {
        Writer::default()
    }

    /// The bytes written so far.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// Writes one `u32`.
    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes one `u64`.
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// Writes a length as a `u64`.
    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }

    /// Writes a length-prefixed byte string.
    pub fn bytes(&mut self, v: &[u8]) {
        self.len(v.len());
        self.bytes.extend_from_slice(v);
    }

    /// Writes bytes as they are, without a length (a fixed-size digest).
    pub fn raw(&mut self, v: &[u8]) {
        self.bytes.extend_from_slice(v);
    }

    /// Writes one byte (a tag or a set of flags).
    pub fn byte(&mut self, v: u8) {
        self.bytes.push(v);
    }

    /// Writes an unsigned LEB128 varint ([`crate::varint`]).
    pub fn varint(&mut self, v: u64) {
        varint::put(&mut self.bytes, v);
    }

    /// Writes a string: its byte length as a varint, then its UTF-8 bytes.
    pub fn str(&mut self, v: &str) {
        self.varint(v.len() as u64);
        self.bytes.extend_from_slice(v.as_bytes());
    }

    /// Writes an optional string: 0 for none, else the byte length plus one, then the
    /// bytes.
    pub fn opt_str(&mut self, v: Option<&str>) {
        match v {
            None => self.byte(0),
            Some(s) => {
                self.varint(s.len() as u64 + 1);
                self.bytes.extend_from_slice(s.as_bytes());
            }
        }
    }

    /// Writes an optional string that often repeats (a tenant id, an approver, a response
    /// option) as one varint `v`: 0 for none; `2k + 1` for the `k`th distinct string this
    /// writer wrote so; `2(n + 1)` for a new string of `n` bytes, which follow and which
    /// takes the next number. A reader reads them in the same order ([`Reader::shared`]).
    pub fn opt_shared(&mut self, v: Option<&str>) {
        let Some(s) = v else {
            return self.byte(0);
        };
        if let Some(&k) = self.shared.get(s) {
            return self.varint(u64::from(k) * 2 + 1);
        }
        self.varint((s.len() as u64 + 1) * 2);
        self.bytes.extend_from_slice(s.as_bytes());
        let k = self.shared.len() as u32;
        self.shared.insert(s.to_string(), k);
    }

    /// [`Writer::opt_shared`] of a string that is always there.
    pub fn shared(&mut self, v: &str) {
        self.opt_shared(Some(v));
    }

    /// A list of [`Writer::shared`] strings: the count as a varint, then each.
    pub fn shared_strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.shared(s);
        }
    }

    /// Writes a list of strings: the count as a varint, then each string.
    pub fn strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }

    /// Writes a length-prefixed list of `u32`.
    pub fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        self.bytes.reserve(v.len() * 4);
        for x in v {
            self.bytes.extend_from_slice(&x.to_le_bytes());
        }
    }

    /// Writes a length-prefixed list of `u64`.
    pub fn u64s(&mut self, v: &[u64]) {
        self.len(v.len());
        self.bytes.reserve(v.len() * 8);
        for x in v {
            self.bytes.extend_from_slice(&x.to_le_bytes());
        }
    }
}

/// Where a [`Reader`] takes its bytes from: a slice in memory, or a [`ByteSource`] it
/// reads a window at a time (a snapshot too large to copy whole into Wasm memory).
enum Input<'a> {
    Slice(&'a [u8]),
    Stream {
        source: &'a mut dyn ByteSource,
        /// Where the body starts in the source.
        start: usize,
        /// The bytes of the body from `at` on, as last read.
        window: Vec<u8>,
        at: usize,
        /// How many bytes a refill reads at least.
        size: usize,
    },
}

/// Bytes a [`Reader`] reads a window at a time, for input that stays outside the
/// reader's memory (a `Uint8Array` in JavaScript, a file).
pub trait ByteSource {
    /// Fills `out` with the bytes at `offset`; the reader never asks past the length it
    /// was given.
    fn read_at(&mut self, offset: usize, out: &mut [u8]) -> Result<()>;
}

/// The bytes of `source` from `start` on, as a source of their own (a part inside a
/// container read a window at a time).
pub struct Within<'a> {
    /// The container.
    pub source: &'a mut dyn ByteSource,
    /// Where the part starts in it.
    pub start: usize,
}

impl ByteSource for Within<'_> {
    fn read_at(&mut self, offset: usize, out: &mut [u8]) -> Result<()> {
        self.source.read_at(self.start.saturating_add(offset), out)
    }
}

impl ByteSource for &[u8] {
    fn read_at(&mut self, offset: usize, out: &mut [u8]) -> Result<()> {
        let end = offset.saturating_add(out.len());
        let bytes = self
            .get(offset..end)
            .ok_or_else(|| corrupt("a read past the end of the input"))?;
        out.copy_from_slice(bytes);
        Ok(())
    }
}

/// The most a streaming reader holds at once, apart from one value longer than this.
pub const WINDOW: usize = 1 << 20;

/// Reads little-endian values from a byte slice or a [`ByteSource`], refusing anything
/// out of bounds. Values borrowed from it live until its next read.
pub struct Reader<'a> {
    input: Input<'a>,
    pos: usize,
    len: usize,
    /// The strings [`Reader::shared`] read so far, by number.
    shared: Vec<String>,
}

impl std::fmt::Debug for Reader<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("pos", &self.pos)
            .field("len", &self.len)
            .finish_non_exhaustive()
    }
}

/// A snapshot body that does not read as what it should be.
pub fn corrupt(what: impl std::fmt::Display) -> Error {
    Error::SnapshotCorrupt(what.to_string())
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            input: Input::Slice(bytes),
            pos: 0,
            len: bytes.len(),
            shared: Vec::new(),
        }
    }

    /// A reader of the `len` bytes of `source` from `start` on, holding a window of
    /// `window` bytes at a time (more only for one value longer than that).
    pub fn streaming(
        source: &'a mut dyn ByteSource,
        start: usize,
        len: usize,
        window: usize,
    ) -> Self {
        Reader {
            input: Input::Stream {
                source,
                start,
                window: Vec::new(),
                at: 0,
                size: window.max(16),
            },
            pos: 0,
            len,
            shared: Vec::new(),
        }
    }

    /// How many bytes were read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.pos == self.len
    }

    /// Refuses bytes left over after the last value.
    pub fn finish(&self) -> Result<()> {
        if self.is_done() {
            Ok(())
        } else {
            Err(corrupt(format_args!(
                "{} unread bytes at the end of the snapshot body",
                self.len - self.pos
            )))
        }
    }

    /// The `n` bytes at the position, without moving it (`n` is within the body).
    fn peek(&mut self, n: usize) -> Result<&[u8]> {
        let (pos, len) = (self.pos, self.len);
        match &mut self.input {
            Input::Slice(bytes) => Ok(bytes.get(pos..pos + n).unwrap_or_default()),
            Input::Stream {
                source,
                start,
                window,
                at,
                size,
            } => {
                let from = pos - (*at).min(pos);
                if pos < *at || from + n > window.len() {
                    let size = n.max(*size).min(len - pos);
                    if window.capacity() > 2 * size {
                        // Give back the room a long value took.
                        *window = Vec::new();
                    }
                    window.resize(size, 0);
                    source.read_at(*start + pos, window)?;
                    *at = pos;
                }
                let from = pos - *at;
                Ok(window.get(from..from + n).unwrap_or_default())
            }
        }
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&[u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.len)
            .ok_or_else(|| corrupt(format_args!("{what} runs past the end of the body")))?;
        let start = self.pos;
        self.peek(n)?;
        self.pos = end;
        let out = match &self.input {
            Input::Slice(bytes) => bytes.get(start..end),
            Input::Stream { window, at, .. } => window.get(start - at..end - at),
        };
        Ok(out.unwrap_or_default())
    }

    /// Takes `n` bytes a window at a time, handing each piece (a multiple of `unit`
    /// bytes) to `piece`.
    fn take_pieces(
        &mut self,
        n: usize,
        unit: usize,
        what: &str,
        mut piece: impl FnMut(&[u8]),
    ) -> Result<()> {
        let window = match &self.input {
            Input::Slice(_) => usize::MAX / 2,
            Input::Stream { size, .. } => *size,
        };
        let step = (window / unit).max(1) * unit;
        let mut left = n;
        while left > 0 {
            let size = left.min(step);
            piece(self.take(size, what)?);
            left -= size;
        }
        Ok(())
    }

    /// Reads a length-prefixed byte string and answers where it lies in the body (for a
    /// caller that holds the body and borrows from it).
    pub fn bytes_span(&mut self, what: &str) -> Result<std::ops::Range<usize>> {
        let n = self.len(1, what)?;
        let start = self.pos;
        self.take_pieces(n, 1, what, |_| {})?;
        Ok(start..start + n)
    }

    /// Reads `N` bytes as they are (a fixed-size digest).
    pub fn raw<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }

    /// Reads a varint byte length and that many bytes (borrowed).
    pub fn var_bytes(&mut self, what: &str) -> Result<&[u8]> {
        let n = self.count(1, what)?;
        self.take(n, what)
    }

    /// Reads one `u32`.
    pub fn u32(&mut self, what: &str) -> Result<u32> {
        let mut w = [0u8; 4];
        w.copy_from_slice(self.take(4, what)?);
        Ok(u32::from_le_bytes(w))
    }

    /// Reads one `u64`.
    pub fn u64(&mut self, what: &str) -> Result<u64> {
        let mut w = [0u8; 8];
        w.copy_from_slice(self.take(8, what)?);
        Ok(u64::from_le_bytes(w))
    }

    /// Reads a length of items of `size` bytes each, refusing one the rest cannot hold.
    pub fn len(&mut self, size: usize, what: &str) -> Result<usize> {
        let n = self.u64(what)?;
        self.announced(n, size, what)
    }

    /// `n` items of at least `size` bytes each, if the rest of the body can hold them.
    fn announced(&self, n: u64, size: usize, what: &str) -> Result<usize> {
        let left = (self.len - self.pos) as u64;
        if n.saturating_mul(size.max(1) as u64) > left {
            return Err(corrupt(format_args!(
                "{what}: {n} items announced, the body is shorter"
            )));
        }
        Ok(n as usize)
    }

    /// Reads one byte.
    pub fn byte(&mut self, what: &str) -> Result<u8> {
        Ok(self.take(1, what)?.first().copied().unwrap_or_default())
    }

    /// Reads a strict unsigned LEB128 varint (at most ten bytes, no bits beyond 64).
    pub fn varint(&mut self, what: &str) -> Result<u64> {
        let available = (self.len - self.pos).min(10);
        let mut at = 0;
        let read = varint::read(self.peek(available)?, &mut at, 64);
        let v = read.map_err(|e| match e {
            Malformed::Truncated => corrupt(format_args!("{what} runs past the end of the body")),
            Malformed::TooLong => corrupt(format_args!("{what}: a varint longer than 64 bits")),
        })?;
        self.pos += at;
        Ok(v)
    }

    /// Reads a varint count of items that take at least `min_size` bytes each, refusing
    /// one the rest of the body cannot hold.
    pub fn count(&mut self, min_size: usize, what: &str) -> Result<usize> {
        let n = self.varint(what)?;
        self.announced(n, min_size, what)
    }

    /// Reads a string written by [`Writer::str`] (borrowed), refusing bytes that are not
    /// UTF-8.
    pub fn str(&mut self, what: &str) -> Result<&str> {
        let n = self.varint(what)?;
        self.utf8(n, what)
    }

    /// Reads an optional string written by [`Writer::opt_str`].
    pub fn opt_str(&mut self, what: &str) -> Result<Option<String>> {
        match self.varint(what)? {
            0 => Ok(None),
            n => self.utf8(n - 1, what).map(|s| Some(s.to_string())),
        }
    }

    /// Reads an optional string written by [`Writer::opt_shared`].
    pub fn opt_shared(&mut self, what: &str) -> Result<Option<String>> {
        let v = self.varint(what)?;
        if v == 0 {
            return Ok(None);
        }
        if v % 2 == 1 {
            let k = usize::try_from(v / 2).unwrap_or(usize::MAX);
            return match self.shared.get(k) {
                Some(s) => Ok(Some(s.clone())),
                None => Err(corrupt(format_args!("{what}: string {k} not read yet"))),
            };
        }
        let s = self.utf8(v / 2 - 1, what)?.to_string();
        self.shared.push(s.clone());
        Ok(Some(s))
    }

    /// Reads a string written by [`Writer::shared`].
    pub fn shared(&mut self, what: &str) -> Result<String> {
        self.opt_shared(what)?
            .ok_or_else(|| corrupt(format_args!("{what} is missing")))
    }

    /// Reads a list written by [`Writer::shared_strs`].
    pub fn shared_strs(&mut self, what: &str) -> Result<Vec<String>> {
        let n = self.count(1, what)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.shared(what)?);
        }
        Ok(out)
    }

    /// Reads a list of strings written by [`Writer::strs`].
    pub fn strs(&mut self, what: &str) -> Result<Vec<String>> {
        let n = self.count(1, what)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.str(what)?.to_string());
        }
        Ok(out)
    }

    fn utf8(&mut self, n: u64, what: &str) -> Result<&str> {
        let n = usize::try_from(n)
            .map_err(|_| corrupt(format_args!("{what} runs past the end of the body")))?;
        std::str::from_utf8(self.take(n, what)?)
            .map_err(|_| corrupt(format_args!("{what} is not UTF-8")))
    }

    /// Reads a length-prefixed byte string (borrowed).
    pub fn bytes(&mut self, what: &str) -> Result<&[u8]> {
        let n = self.len(1, what)?;
        self.take(n, what)
    }

    /// Reads a length-prefixed byte string into a vector of its own, a window at a time.
    pub fn byte_vec(&mut self, what: &str) -> Result<Vec<u8>> {
        let n = self.len(1, what)?;
        let mut out = Vec::with_capacity(n);
        self.take_pieces(n, 1, what, |piece| out.extend_from_slice(piece))?;
        Ok(out)
    }

    /// Reads a length-prefixed list of `u32`.
    pub fn u32s(&mut self, what: &str) -> Result<Vec<u32>> {
        self.fixed_list(what, u32::from_le_bytes)
    }

    /// Reads a length-prefixed list of `u64`.
    pub fn u64s(&mut self, what: &str) -> Result<Vec<u64>> {
        self.fixed_list(what, u64::from_le_bytes)
    }

    /// A length-prefixed list of `N`-byte values, each decoded by `decode`, read a window
    /// at a time.
    fn fixed_list<const N: usize, T>(
        &mut self,
        what: &str,
        decode: fn([u8; N]) -> T,
    ) -> Result<Vec<T>> {
        let n = self.len(N, what)?;
        let mut out = Vec::with_capacity(n);
        self.take_pieces(n * N, N, what, |piece| {
            out.extend(
                piece
                    .chunks_exact(N)
                    .map(|c| decode(<[u8; N]>::try_from(c).unwrap_or([0; N]))),
            )
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_and_lengths_are_bounded() {
        let mut w = Writer::new();
        w.u32(7);
        w.u64s(&[1, u64::MAX]);
        w.u32s(&[3, 4, 5]);
        w.bytes(b"abc");
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes);
        assert_eq!(r.u32("a").ok(), Some(7));
        assert_eq!(r.u64s("b").ok(), Some(vec![1, u64::MAX]));
        assert_eq!(r.u32s("c").ok(), Some(vec![3, 4, 5]));
        assert_eq!(r.bytes("d").ok(), Some(&b"abc"[..]));
        assert!(r.finish().is_ok());
        // A huge announced length is refused before allocating.
        let mut w = Writer::new();
        w.u64(u64::MAX);
        let bytes = w.into_bytes();
        assert!(Reader::new(&bytes).u32s("e").is_err());
        assert!(Reader::new(&bytes[..3]).u32("f").is_err());
    }

    #[test]
    fn compact_values_read_back_and_are_strict() {
        let mut w = Writer::new();
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.varint(v);
        }
        w.str("Zoë");
        w.opt_str(None);
        w.opt_str(Some(""));
        w.strs(&["a".to_string(), "bc".to_string()]);
        w.byte(9);
        let bytes = w.into_bytes();
        let mut r = Reader::new(&bytes);
        for v in [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint("v").ok(), Some(v));
        }
        assert_eq!(r.str("s").ok(), Some("Zoë"));
        assert_eq!(r.opt_str("o").ok(), Some(None));
        assert_eq!(r.opt_str("o").ok(), Some(Some(String::new())));
        assert_eq!(
            r.strs("l").ok(),
            Some(vec!["a".to_string(), "bc".to_string()])
        );
        assert_eq!(r.byte("b").ok(), Some(9));
        assert!(r.finish().is_ok());
        // Eleven continuation bytes, a 65th bit, bad UTF-8, a count the body cannot hold.
        assert!(Reader::new(&[0xff; 11]).varint("x").is_err());
        let mut over = vec![0xff; 9];
        over.push(0x02);
        assert!(Reader::new(&over).varint("x").is_err());
        assert!(Reader::new(&[2, 0xc3, 0x28]).str("x").is_err());
        assert!(Reader::new(&[5, 1, 1]).count(1, "x").is_err());
    }
}

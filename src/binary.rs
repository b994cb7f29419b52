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

/// Reads little-endian values from a byte slice, refusing anything out of bounds.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// A snapshot body that does not read as what it should be.
pub fn corrupt(what: impl std::fmt::Display) -> Error {
    Error::SnapshotCorrupt(what.to_string())
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    /// How many bytes were read.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Whether every byte was read.
    pub fn is_done(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// Refuses bytes left over after the last value.
    pub fn finish(&self) -> Result<()> {
        if self.is_done() {
            Ok(())
        } else {
            Err(corrupt(format_args!(
                "{} unread bytes at the end of the snapshot body",
                self.bytes.len() - self.pos
            )))
        }
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| corrupt(format_args!("{what} runs past the end of the body")))?;
        let out = self.bytes.get(self.pos..end).unwrap_or_default();
        self.pos = end;
        Ok(out)
    }

    /// Reads `N` bytes as they are (a fixed-size digest).
    pub fn raw<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }

    /// Reads a varint byte length and that many bytes (borrowed).
    pub fn var_bytes(&mut self, what: &str) -> Result<&'a [u8]> {
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
        let left = (self.bytes.len() - self.pos) as u64;
        if n.saturating_mul(size.max(1) as u64) > left {
            return Err(corrupt(format_args!(
                "{what}: {n} items announced, the body is shorter"
            )));
        }
        Ok(n as usize)
    }

    /// Reads one byte.
    pub fn byte(&mut self, what: &str) -> Result<u8> {
        let b = self
            .bytes
            .get(self.pos)
            .copied()
            .ok_or_else(|| corrupt(format_args!("{what} runs past the end of the body")))?;
        self.pos += 1;
        Ok(b)
    }

    /// Reads a strict unsigned LEB128 varint (at most ten bytes, no bits beyond 64).
    pub fn varint(&mut self, what: &str) -> Result<u64> {
        varint::read(self.bytes, &mut self.pos, 64).map_err(|e| match e {
            Malformed::Truncated => corrupt(format_args!("{what} runs past the end of the body")),
            Malformed::TooLong => corrupt(format_args!("{what}: a varint longer than 64 bits")),
        })
    }

    /// Reads a varint count of items that take at least `min_size` bytes each, refusing
    /// one the rest of the body cannot hold.
    pub fn count(&mut self, min_size: usize, what: &str) -> Result<usize> {
        let n = self.varint(what)?;
        self.announced(n, min_size, what)
    }

    /// Reads a string written by [`Writer::str`] (borrowed), refusing bytes that are not
    /// UTF-8.
    pub fn str(&mut self, what: &str) -> Result<&'a str> {
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

    /// Reads a list of strings written by [`Writer::strs`].
    pub fn strs(&mut self, what: &str) -> Result<Vec<String>> {
        let n = self.count(1, what)?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.str(what)?.to_string());
        }
        Ok(out)
    }

    fn utf8(&mut self, n: u64, what: &str) -> Result<&'a str> {
        let n = usize::try_from(n)
            .map_err(|_| corrupt(format_args!("{what} runs past the end of the body")))?;
        std::str::from_utf8(self.take(n, what)?)
            .map_err(|_| corrupt(format_args!("{what} is not UTF-8")))
    }

    /// Reads a length-prefixed byte string (borrowed).
    pub fn bytes(&mut self, what: &str) -> Result<&'a [u8]> {
        let n = self.len(1, what)?;
        self.take(n, what)
    }

    /// Reads a length-prefixed list of `u32`.
    pub fn u32s(&mut self, what: &str) -> Result<Vec<u32>> {
        let n = self.len(4, what)?;
        let raw = self.take(n * 4, what)?;
        Ok(raw
            .chunks_exact(4)
            .map(|c| <[u8; 4]>::try_from(c).map_or(0, u32::from_le_bytes))
            .collect())
    }

    /// Reads a length-prefixed list of `u64`.
    pub fn u64s(&mut self, what: &str) -> Result<Vec<u64>> {
        let n = self.len(8, what)?;
        let raw = self.take(n * 8, what)?;
        Ok(raw
            .chunks_exact(8)
            .map(|c| <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes))
            .collect())
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

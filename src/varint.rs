//! Unsigned LEB128 varints: the one encoding of small numbers in snapshots
//! ([`crate::binary`]) and in the search index's posting lists and forward records
//! (`search/index.rs`, checked on load by `search/persist.rs`).
//!
//! Seven bits a byte, least significant first, the high bit set on every byte but the
//! last. Writers always write the shortest form. Readers come in two kinds: [`read`]
//! is strict (it refuses a varint that runs past its bytes or carries more bits than its
//! type) for bytes from outside, and [`read_u32_trusted`] is the search's hot path over
//! bytes the index wrote itself or checked on load, where a damaged varint reads as
//! what its bytes give instead of an error.

/// Appends `v` in its shortest form.
#[inline]
pub fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// How many bytes [`put`] writes for `v`.
pub fn encoded_len(v: u64) -> usize {
    // Every started group of seven significant bits takes a byte; zero takes one.
    let bits = 64 - (v | 1).leading_zeros() as usize;
    bits.div_ceil(7)
}

/// Writes `v` into `buf` at `*pos`, advancing it, where the caller reserved
/// [`encoded_len`] bytes (a byte past the end of `buf` is dropped, never a panic).
pub fn put_at(buf: &mut [u8], pos: &mut usize, mut v: u64) {
    loop {
        let byte = if v >= 0x80 { (v as u8) | 0x80 } else { v as u8 };
        if let Some(b) = buf.get_mut(*pos) {
            *b = byte;
        }
        *pos += 1;
        v >>= 7;
        if byte & 0x80 == 0 {
            break;
        }
    }
}

/// Why a strict read failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Malformed {
    /// The bytes end before the varint does.
    Truncated,
    /// More significant bits than the type being read has (or more bytes than it needs).
    TooLong,
}

/// Reads a varint of at most `bits` significant bits (32 or 64) at `*pos`, advancing
/// it: refused when the bytes end first or the value needs more bits.
pub fn read(bytes: &[u8], pos: &mut usize, bits: u32) -> Result<u64, Malformed> {
    let max_bytes = bits.div_ceil(7);
    let mut v: u64 = 0;
    for i in 0..max_bytes {
        let b = *bytes.get(*pos).ok_or(Malformed::Truncated)?;
        *pos += 1;
        let group = u64::from(b & 0x7f);
        let shift = 7 * i;
        // The last byte may only hold the bits the type has left.
        if shift + 7 > bits && group >> (bits - shift) != 0 {
            return Err(Malformed::TooLong);
        }
        v |= group << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(Malformed::TooLong)
}

/// Reads a 32-bit varint at `*pos` from bytes the search index wrote (or checked on
/// load): the per-posting hot path, with no error to handle. Bits past the 32nd are
/// dropped and the bytes' end ends the varint, so damaged bytes read as some number,
/// never a panic.
#[inline]
pub fn read_u32_trusted(bytes: &[u8], pos: &mut usize) -> u32 {
    let mut v: u32 = 0;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*pos) {
        *pos += 1;
        if shift < 32 {
            v |= u32::from(b & 0x7f) << shift;
        }
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    const VALUES: [u64; 12] = [
        0,
        1,
        127,
        128,
        300,
        16_383,
        16_384,
        0x1f_ffff,
        0x20_0000,
        u32::MAX as u64,
        1 << 35,
        u64::MAX,
    ];

    #[test]
    fn every_writer_and_reader_agree() {
        for v in VALUES {
            let mut out = Vec::new();
            put(&mut out, v);
            assert_eq!(out.len(), encoded_len(v), "{v}");
            let mut buf = vec![0u8; out.len()];
            let mut at = 0;
            put_at(&mut buf, &mut at, v);
            assert_eq!((buf.as_slice(), at), (out.as_slice(), out.len()), "{v}");
            let mut pos = 0;
            assert_eq!(read(&out, &mut pos, 64), Ok(v));
            assert_eq!(pos, out.len());
            let mut pos = 0;
            let as32 = read(&out, &mut pos, 32);
            if let Ok(small) = u32::try_from(v) {
                assert_eq!(as32, Ok(u64::from(small)));
                let mut pos = 0;
                assert_eq!(read_u32_trusted(&out, &mut pos), small);
            } else {
                assert_eq!(as32, Err(Malformed::TooLong), "{v}");
            }
        }
    }

    #[test]
    fn strict_reads_refuse_truncated_and_overlong_varints() {
        assert_eq!(read(&[0x80], &mut 0, 32), Err(Malformed::Truncated));
        assert_eq!(read(&[], &mut 0, 64), Err(Malformed::Truncated));
        // A 33rd bit, a sixth byte, a 65th bit, an eleventh byte.
        assert_eq!(
            read(&[0xff, 0xff, 0xff, 0xff, 0x1f], &mut 0, 32),
            Err(Malformed::TooLong)
        );
        assert_eq!(read(&[0x80; 6], &mut 0, 32), Err(Malformed::TooLong));
        let mut over = vec![0xff; 9];
        over.push(0x02);
        assert_eq!(read(&over, &mut 0, 64), Err(Malformed::TooLong));
        assert_eq!(read(&[0xff; 11], &mut 0, 64), Err(Malformed::TooLong));
        // A truncated varint read on the hot path is what its bytes give.
        assert_eq!(read_u32_trusted(&[0x81], &mut 0), 1);
    }
}

//! The snapshot checksum: CRC-32 (IEEE 802.3, the one zlib, PNG and `crc32fast` compute).
//!
//! Slice-by-16, the algorithm of `crc32fast`'s portable path (the one a Wasm build runs),
//! with its sixteen 256-entry tables computed on first use instead of stored in the
//! module: 16 KB of incompressible data less in the `.wasm` (about 16 KB gzipped), the
//! same speed once built (about 4,000 table steps, a few microseconds, at the first
//! checksum).

use std::sync::OnceLock;

/// `TABLES[k][b]`: the CRC of byte `b` followed by `k` zero bytes.
type Tables = [[u32; 256]; 16];

static TABLES: OnceLock<Box<Tables>> = OnceLock::new();

/// The reflected IEEE polynomial.
const POLY: u32 = 0xEDB8_8320;

fn build() -> Box<Tables> {
    let mut t: Box<Tables> = Box::new([[0; 256]; 16]);
    for b in 0..=255u8 {
        let mut crc = u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ POLY
            } else {
                crc >> 1
            };
        }
        t[0][usize::from(b)] = crc;
    }
    for k in 1..16 {
        for b in 0..256 {
            let prev = t[k - 1][b];
            t[k][b] = (prev >> 8) ^ t[0][(prev & 0xFF) as usize];
        }
    }
    t
}

/// The CRC-32 of `bytes`, as `crc32fast::hash` computes it.
///
/// ```
/// assert_eq!(guestpass::checksum::crc32(b"123456789"), 0xCBF4_3926);
/// ```
pub fn crc32(bytes: &[u8]) -> u32 {
    let t: &Tables = TABLES.get_or_init(build);
    let mut crc = !0u32;
    let mut buf = bytes;
    // The loop of crc32fast's portable path: four 16-byte steps per round.
    while buf.len() >= 64 {
        for _ in 0..4 {
            crc = step16(t, crc, buf);
            buf = buf.get(16..).unwrap_or_default();
        }
    }
    while buf.len() >= 16 {
        crc = step16(t, crc, buf);
        buf = buf.get(16..).unwrap_or_default();
    }
    for &b in buf {
        crc = (crc >> 8) ^ t[0][usize::from((crc as u8) ^ b)];
    }
    !crc
}

/// The CRC state after the first 16 bytes of `c` (at least 16 long).
#[inline(always)]
fn step16(t: &Tables, crc: u32, c: &[u8]) -> u32 {
    let a = crc ^ u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
    t[15][(a & 0xFF) as usize]
        ^ t[14][((a >> 8) & 0xFF) as usize]
        ^ t[13][((a >> 16) & 0xFF) as usize]
        ^ t[12][(a >> 24) as usize]
        ^ t[11][usize::from(c[4])]
        ^ t[10][usize::from(c[5])]
        ^ t[9][usize::from(c[6])]
        ^ t[8][usize::from(c[7])]
        ^ t[7][usize::from(c[8])]
        ^ t[6][usize::from(c[9])]
        ^ t[5][usize::from(c[10])]
        ^ t[4][usize::from(c[11])]
        ^ t[3][usize::from(c[12])]
        ^ t[2][usize::from(c[13])]
        ^ t[1][usize::from(c[14])]
        ^ t[0][usize::from(c[15])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_crc32fast_at_every_length_and_offset() {
        let mut state = 0x2545_F491_u32;
        let data: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect();
        for len in (0..80).chain([255, 256, 1000, 4000]) {
            for start in 0..17 {
                let bytes = &data[start..start + len];
                assert_eq!(
                    crc32(bytes),
                    crc32fast::hash(bytes),
                    "len {len} start {start}"
                );
            }
        }
        assert_eq!(crc32(&[]), 0);
    }
}

//! The big name tables, built in or handed over at run time.
//!
//! Built in (the default), they are the generated statics. With the
//! `external` feature the statics are not referenced (so the linker drops
//! them) and the tables come, on first use, from the bytes a source set
//! with [`set_tables_source`] returns: the bytes [`export_tables`] writes in
//! a build with the tables built in, checked against this build's
//! generated constants. Until then every look-up finds nothing.

use crate::generated;
use crate::generated_phf;

/// The tables look-ups read.
pub(crate) struct Tables {
    pub lexicon: &'static str,
    pub lexicon_offsets: &'static [u32],
    pub phrasebook: &'static [u8],
    pub phrasebook_offsets1: &'static [u8],
    pub phrasebook_offsets2: &'static [u32],
    pub name2code_disp: &'static [(u16, u16)],
    pub name2code_code: &'static [char],
}

/// The first bytes of the exported tables, and the numbers of this build's
/// generated tables they must agree with.
const MAGIC: &[u8; 4] = b"UN2T";

fn shape() -> [u64; 3] {
    [
        generated_phf::NAME2CODE_N,
        generated::PHRASEBOOK_OFFSET_SHIFT as u64,
        generated::LONGEST_NAME_LEN as u64,
    ]
}

#[cfg(not(feature = "external"))]
static BUILT_IN: Tables = Tables {
    lexicon: generated::LEXICON,
    lexicon_offsets: generated::LEXICON_OFFSETS,
    phrasebook: generated::PHRASEBOOK,
    phrasebook_offsets1: generated::PHRASEBOOK_OFFSETS1,
    phrasebook_offsets2: generated::PHRASEBOOK_OFFSETS2,
    name2code_disp: generated_phf::NAME2CODE_DISP,
    name2code_code: generated_phf::NAME2CODE_CODE,
};

/// The tables, when this build has them (built in) or has been handed them.
#[cfg(not(feature = "external"))]
#[inline]
pub(crate) fn tables() -> Option<&'static Tables> {
    Some(&BUILT_IN)
}

/// The built-in tables as bytes, for a build with the `external` feature
/// (`set_tables_source`). Little-endian: the magic, the shape numbers, then
/// each table as its length in elements (u32) and its elements.
#[cfg(not(feature = "external"))]
pub fn export_tables() -> std::vec::Vec<u8> {
    let mut out = std::vec::Vec::new();
    out.extend_from_slice(MAGIC);
    for n in shape() {
        out.extend_from_slice(&n.to_le_bytes());
    }
    let t = &BUILT_IN;
    let mut put = |len: usize, bytes: &mut dyn Iterator<Item = u8>| {
        out.extend_from_slice(&(len as u32).to_le_bytes());
        out.extend(bytes);
    };
    put(t.lexicon.len(), &mut t.lexicon.bytes());
    put(
        t.lexicon_offsets.len(),
        &mut t.lexicon_offsets.iter().flat_map(|n| n.to_le_bytes()),
    );
    put(t.phrasebook.len(), &mut t.phrasebook.iter().copied());
    put(
        t.phrasebook_offsets1.len(),
        &mut t.phrasebook_offsets1.iter().copied(),
    );
    put(
        t.phrasebook_offsets2.len(),
        &mut t.phrasebook_offsets2.iter().flat_map(|n| n.to_le_bytes()),
    );
    put(
        t.name2code_disp.len(),
        &mut t
            .name2code_disp
            .iter()
            .flat_map(|(a, b)| {
                let ([a0, a1], [b0, b1]) = (a.to_le_bytes(), b.to_le_bytes());
                [a0, a1, b0, b1]
            }),
    );
    put(
        t.name2code_code.len(),
        &mut t.name2code_code.iter().flat_map(|c| (*c as u32).to_le_bytes()),
    );
    out
}

#[cfg(feature = "external")]
mod external {
    use super::{shape, Tables, MAGIC};
    use core::convert::TryInto;
    use std::boxed::Box;
    use std::sync::OnceLock;
    use std::vec::Vec;

    static SOURCE: OnceLock<fn() -> Option<&'static [u8]>> = OnceLock::new();
    static TABLES: OnceLock<Option<Tables>> = OnceLock::new();

    /// Where the tables come from: `source` is asked once, at the first
    /// look-up after it returns them; until then look-ups find nothing.
    pub fn set_tables_source(source: fn() -> Option<&'static [u8]>) {
        let _ = SOURCE.set(source);
    }

    /// Whether look-ups can find names now (the tables are loaded, or
    /// loading them from the source succeeds).
    pub fn tables_available() -> bool {
        super::tables().is_some()
    }

    pub(crate) fn tables() -> Option<&'static Tables> {
        if let Some(tables) = TABLES.get() {
            return tables.as_ref();
        }
        let bytes = (SOURCE.get()?)()?;
        TABLES.get_or_init(|| read(bytes)).as_ref()
    }

    /// The tables in `bytes` (as `export_tables` writes them), if they are
    /// whole and were made from this build's generated tables.
    fn read(bytes: &'static [u8]) -> Option<Tables> {
        let mut at: usize = 0;
        let mut take = |n: usize| -> Option<&'static [u8]> {
            let part = bytes.get(at..at.checked_add(n)?)?;
            at += n;
            Some(part)
        };
        if take(4)? != MAGIC {
            return None;
        }
        for expected in shape() {
            let n = u64::from_le_bytes(take(8)?.try_into().ok()?);
            if n != expected {
                return None;
            }
        }
        let mut table = |size: usize| -> Option<&'static [u8]> {
            let len = u32::from_le_bytes(take(4)?.try_into().ok()?) as usize;
            take(len.checked_mul(size)?)
        };
        let leak = |v: Vec<u32>| -> &'static [u32] { Box::leak(v.into_boxed_slice()) };
        let u32s = |b: &[u8]| -> Vec<u32> {
            b.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        };
        let lexicon = core::str::from_utf8(table(1)?).ok()?;
        let lexicon_offsets = leak(u32s(table(4)?));
        let phrasebook = table(1)?;
        let phrasebook_offsets1 = table(1)?;
        let phrasebook_offsets2 = leak(u32s(table(4)?));
        let name2code_disp: &'static [(u16, u16)] = Box::leak(
            table(4)?
                .chunks_exact(4)
                .map(|c| {
                    (
                        u16::from_le_bytes([c[0], c[1]]),
                        u16::from_le_bytes([c[2], c[3]]),
                    )
                })
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        );
        let name2code_code: &'static [char] = Box::leak(
            u32s(table(4)?)
                .into_iter()
                .map(char::from_u32)
                .collect::<Option<Vec<_>>>()?
                .into_boxed_slice(),
        );
        Some(Tables {
            lexicon,
            lexicon_offsets,
            phrasebook,
            phrasebook_offsets1,
            phrasebook_offsets2,
            name2code_disp,
            name2code_code,
        })
    }
}

#[cfg(feature = "external")]
pub use external::{set_tables_source, tables_available};
#[cfg(feature = "external")]
pub(crate) use external::tables;

//! The browser judge's catalog, packed: challenges in LZMA-compressed groups.
//!
//! Static hosts send the judge gzip-compressed, and gzip's 32 KiB window
//! does poorly on the few questions whose hidden tests hold large random
//! literals (merge sort's 10,000 ints, a 20,000-line file). LZMA, with a
//! window as large as the data, packs them three times smaller than gzip
//! and smaller than brotli does. The build script (`build.rs`, which
//! includes this file) compresses and [`join`]s; the judge under WASI
//! [`split`]s and decompresses (`catalog.rs`).
//!
//! Small challenges share one group, which the judge unpacks while it
//! prepares its interpreter, before a run is asked for; a challenge whose
//! JSON is larger than [`ALONE_ABOVE_BYTES`] is a group of its own, unpacked
//! only for a run of that challenge.
//!
//! Layout, little-endian: the group count (u32), then per group the count of
//! its challenges (u32), each id (u8 length, then UTF-8), and the group's
//! compressed bytes (u32 length, then an `.lzma` stream of a JSON array of
//! its challenges, in id order).

/// A challenge whose JSON is larger than this is packed alone.
#[allow(dead_code)] // the build script's and the tests'
pub const ALONE_ABOVE_BYTES: usize = 16 * 1024;

/// One group as packed: the ids of its challenges and their compressed JSON.
#[derive(Debug, PartialEq)]
pub struct Group<'a> {
    pub ids: Vec<&'a str>,
    pub packed: &'a [u8],
}

/// Writes `groups` (ids, compressed JSON) in the layout above.
#[allow(dead_code)] // the build script's half
pub fn join(groups: &[(Vec<String>, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let len = |n: usize| {
        u32::try_from(n)
            .expect("a pack fits in 4 GiB")
            .to_le_bytes()
    };
    out.extend(len(groups.len()));
    for (ids, packed) in groups {
        out.extend(len(ids.len()));
        for id in ids {
            out.push(u8::try_from(id.len()).expect("challenge ids are short"));
            out.extend(id.as_bytes());
        }
        out.extend(len(packed.len()));
        out.extend(packed);
    }
    out
}

/// Reads the layout [`join`] writes; `None` if `bytes` is not one.
#[allow(dead_code)] // the judge's half
pub fn split(bytes: &[u8]) -> Option<Vec<Group<'_>>> {
    let mut r = Reader(bytes);
    let count = r.u32()?;
    let mut groups = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let ids_len = r.u32()?;
        let mut ids = Vec::with_capacity(ids_len.min(1024));
        for _ in 0..ids_len {
            let n = r.take(1)?[0] as usize;
            ids.push(std::str::from_utf8(r.take(n)?).ok()?);
        }
        let n = r.u32()?;
        groups.push(Group {
            ids,
            packed: r.take(n)?,
        });
    }
    r.0.is_empty().then_some(groups)
}

/// What is left to read.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = self.0.split_at_checked(n)?;
        self.0 = tail;
        Some(head)
    }

    fn u32(&mut self) -> Option<usize> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }
}

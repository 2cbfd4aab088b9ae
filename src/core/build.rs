//! Build script: checks every challenge folder and embeds the catalog.
//!
//! It loads `challenges/` with the same code `pyprep validate` uses
//! (`pyprep_format::load`), fails the build listing each broken file, field and
//! reason, renders the Markdown fields to HTML, and writes `catalog.json` into
//! `OUT_DIR` for `Catalog::embedded`, with the browser UI's copy and the
//! browser judge's, packed (`catalog/pack.rs`). Running Python against the challenges is
//! not done here; that is `pyprep validate`.

use pyprep_format::challenge::{Challenge, Markdown};
use pyprep_format::load;
use std::path::Path;

#[path = "catalog/pack.rs"]
mod pack;

fn render(md: &mut Markdown) {
    use pulldown_cmark::{Options, Parser, html};
    let parser = Parser::new_ext(
        &md.source,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut out = String::new();
    html::push_html(&mut out, parser);
    md.html = out;
}

fn render_all(c: &mut Challenge) {
    render(&mut c.prompt);
    render(&mut c.explanation);
    c.hints.iter_mut().for_each(render);
    if let Some(p) = &mut c.practice {
        render(&mut p.advice);
    }
}

fn main() {
    // PYPREP_CHALLENGES builds from another folder (a snapshot, or a broken fixture in tests).
    // Paths are the workspace root's, as `challenges/` is, so errors name
    // `challenges/<id>/challenge.toml` as `pyprep validate` does.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::env::set_current_dir(&root).expect("the workspace root exists");
    let dir_name = std::env::var("PYPREP_CHALLENGES").unwrap_or_else(|_| "challenges".into());
    let dir = Path::new(&dir_name);
    println!("cargo::rerun-if-env-changed=PYPREP_CHALLENGES");
    println!("cargo::rerun-if-changed={}", root.join(dir).display());
    let mut challenges = match load::load_dir(dir) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                println!("cargo::error={e}");
            }
            std::process::exit(1);
        }
    };
    challenges.iter_mut().for_each(render_all);
    #[derive(serde::Serialize)]
    struct Catalog<'a> {
        challenges: &'a [Challenge],
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let write = |name: &str, challenges: &[Challenge]| {
        let json = serde_json::to_string(&Catalog { challenges }).expect("catalog serializes");
        std::fs::write(out.join(name), json).expect("OUT_DIR is writable");
    };
    // The judge gets every test in full; the browser UI only what it shows.
    write("catalog.json", &challenges);
    let browser: Vec<Challenge> = challenges.iter().map(Challenge::for_browser).collect();
    write("catalog-browser.json", &browser);
    let judge: Vec<Challenge> = challenges
        .iter()
        .map(Challenge::for_browser_judge)
        .collect();
    std::fs::write(
        out.join("catalog-browser-judge.pack"),
        pack_for_judge(&judge),
    )
    .expect("OUT_DIR is writable");
}

/// The browser judge's copy, packed as `catalog/pack.rs` describes: the
/// small challenges in one group, each large one alone.
fn pack_for_judge(judge: &[Challenge]) -> Vec<u8> {
    let json = |c: &[&Challenge]| serde_json::to_vec(c).expect("a challenge serializes");
    let (small, large): (Vec<&Challenge>, Vec<&Challenge>) = judge.iter().partition(|c| {
        let size = serde_json::to_vec(c).expect("a challenge serializes").len();
        size <= pack::ALONE_ABOVE_BYTES
    });
    let group = |cs: &[&Challenge]| (cs.iter().map(|c| c.id.clone()).collect(), lzma(&json(cs)));
    let mut groups = vec![group(&small)];
    groups.extend(large.iter().map(|c| group(&[c])));
    pack::join(&groups)
}

/// `data` as an `.lzma` stream, at the strongest preset, with a dictionary no
/// larger than the data (the judge allocates that much to unpack it).
fn lzma(data: &[u8]) -> Vec<u8> {
    use lzma_rust2::{LzmaOptions, LzmaWriter};
    use std::io::Write;
    let mut options = LzmaOptions::with_preset(9);
    options.dict_size = (data.len() as u32).next_power_of_two().max(4096);
    let mut writer = LzmaWriter::new_use_header(Vec::new(), &options, Some(data.len() as u64))
        .expect("LZMA options are valid");
    writer.write_all(data).expect("writes to memory");
    writer.finish().expect("writes to memory")
}

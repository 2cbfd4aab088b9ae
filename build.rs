//! Build script: checks every challenge folder and embeds the catalog.
//!
//! It loads `challenges/` with the same code `pyprep validate` uses
//! (`src/catalog/load.rs`), fails the build listing each broken file, field and
//! reason, renders the Markdown fields to HTML, and writes `catalog.json` into
//! `OUT_DIR` for `Catalog::embedded`. Running Python against the challenges is
//! not done here; that is `pyprep validate`.

#[allow(dead_code)]
#[path = "src/value.rs"]
mod value;

#[allow(dead_code)]
#[path = "src/growth.rs"]
mod growth;

#[allow(dead_code)]
#[path = "src/challenge.rs"]
mod challenge;

#[allow(dead_code)]
#[path = "src/catalog/load.rs"]
mod load;

use challenge::{Challenge, Markdown};
use std::path::Path;

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
    let dir_name = std::env::var("PYPREP_CHALLENGES").unwrap_or_else(|_| "challenges".into());
    let dir = Path::new(&dir_name);
    println!("cargo::rerun-if-env-changed=PYPREP_CHALLENGES");
    println!("cargo::rerun-if-changed={dir_name}");
    println!("cargo::rerun-if-changed=src/value.rs");
    println!("cargo::rerun-if-changed=src/challenge.rs");
    println!("cargo::rerun-if-changed=src/catalog/load.rs");
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
}

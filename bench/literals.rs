//! What the catalog's literals cost: parsing them when a test runs, against
//! storing them parsed in the build.
//!
//! Challenge files write each test's call and expected value as Python
//! literals (`is_prime(10**12 + 39)`, `[list(range(300))] * 300`). The
//! catalog keeps that text and the judge parses it when the test runs. This
//! prints, for the embedded catalog, how long parsing takes (per question's
//! Submit, natively, median of many passes) and how many bytes the literals
//! weigh as text and as the parsed values would weigh in the catalog's JSON.
//!
//! `cargo run -p pyprep-core --release --example literals [-- --dump DIR]`
//! (`--dump` writes both forms, to compress them with `gzip -9`/`brotli`).

use pyprep_core::catalog::Catalog;
use pyprep_core::challenge::{Challenge, TestKind};
use pyprep_core::value::{Call, Value};
use std::time::{Duration, Instant};

/// Every literal text of one question's tests: calls, calls made before, expected values.
fn literals(c: &Challenge) -> Vec<(&str, bool)> {
    let mut out = vec![];
    for t in &c.tests {
        if let TestKind::Call {
            text,
            before,
            outcome,
            ..
        } = &t.kind
        {
            out.push((text.as_str(), true));
            out.extend(before.iter().map(|b| (b.as_str(), true)));
            if let pyprep_core::challenge::CallOutcome::Returns { expected, .. } = outcome {
                out.push((expected.as_str(), false));
            }
        }
    }
    out
}

/// Parses one literal as the judge does, returning its parsed form as JSON.
fn parse(text: &str, is_call: bool) -> String {
    if is_call {
        let call: Call = Call::parse(text).expect("the build checked every call");
        serde_json::to_string(&call).expect("a call serializes")
    } else {
        let value: Value = Value::parse(text).expect("the build checked every value");
        serde_json::to_string(&value).expect("a value serializes")
    }
}

/// The median time of parsing all of these literals once.
fn time_parsing(lits: &[(&str, bool)]) -> Duration {
    let mut times: Vec<Duration> = (0..51)
        .map(|_| {
            let start = Instant::now();
            for (text, is_call) in lits {
                std::hint::black_box(if *is_call {
                    Call::parse(text).map(|_| ())
                } else {
                    Value::parse(text).map(|_| ())
                })
                .expect("the build checked every literal");
            }
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dump = match args.as_slice() {
        [] => None,
        [flag, dir] if flag == "--dump" => Some(std::path::PathBuf::from(dir)),
        _ => {
            eprintln!("usage: literals [--dump DIR]");
            std::process::exit(2);
        }
    };
    // What each run's fresh judge instance does first (a prepared one before the click).
    let start = Instant::now();
    let catalog = Catalog::embedded();
    let read_ms = start.elapsed().as_secs_f64() * 1e3;
    let (mut text_bytes, mut parsed_bytes) = (0usize, 0usize);
    let (mut all_text, mut all_parsed) = (String::new(), String::new());
    let mut per_question: Vec<(Duration, usize, &str)> = vec![];
    let mut largest: Vec<(usize, usize, String)> = vec![];
    for c in &catalog.challenges {
        let lits = literals(c);
        if lits.is_empty() {
            continue;
        }
        per_question.push((time_parsing(&lits), lits.len(), &c.id));
        for (text, is_call) in &lits {
            let json = parse(text, *is_call);
            text_bytes += text.len();
            parsed_bytes += json.len();
            all_text.push_str(text);
            all_text.push('\n');
            all_parsed.push_str(&json);
            all_parsed.push('\n');
            largest.push((json.len(), text.len(), format!("{}: {}", c.id, text)));
        }
    }
    per_question.sort();
    largest.sort_by_key(|l| std::cmp::Reverse(l.0));
    let total: Duration = per_question.iter().map(|q| q.0).sum();
    println!(
        "literals in the catalog: {} bytes as text, {} bytes parsed (JSON)",
        text_bytes, parsed_bytes
    );
    println!("reading the embedded catalog (once per run instance): {read_ms:.1} ms");
    println!(
        "parsing every literal of the catalog once: {:.3} ms",
        total.as_secs_f64() * 1e3
    );
    println!("slowest questions to parse (all their tests, one Submit):");
    for (t, n, id) in per_question.iter().rev().take(5) {
        println!("  {id}: {n} literals in {:.3} ms", t.as_secs_f64() * 1e3);
    }
    println!("largest literals once parsed:");
    for (json, text, what) in largest.iter().take(5) {
        let shown: String = what.chars().take(70).collect();
        println!("  {json} bytes from {text} bytes of text: {shown}");
    }
    if let Some(dir) = dump {
        std::fs::create_dir_all(&dir).expect("the dump folder can be made");
        std::fs::write(dir.join("literals.txt"), all_text).expect("writable");
        std::fs::write(dir.join("literals-parsed.json"), all_parsed).expect("writable");
        println!(
            "wrote {}/literals.txt and literals-parsed.json",
            dir.display()
        );
    }
}

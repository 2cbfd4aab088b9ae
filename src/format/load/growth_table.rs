//! The `[growth]` table into a [`GrowthSpec`], with the wrong answers that
//! declare how their work grows (`# grows like: n^2` on their first line).

use super::raw::RawGrowth;
use super::{ChallengeError, Problems};
use crate::challenge::{GrowthSpec, Kind, SlowAnswer, Test, TestKind, WrongAnswer};
use std::path::Path;

/// The `[growth]` table, and the wrong answers that declare their growth; see [`GrowthSpec`].
pub(super) fn convert_growth(
    raw: Option<&RawGrowth>,
    kind: Kind,
    folder: &Path,
    tests: &[Test],
    wrong: &[WrongAnswer],
    p: &mut Problems,
) -> Option<GrowthSpec> {
    let declared = |answer: &WrongAnswer| {
        answer
            .code
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# grows like:"))
            .map(|order| (crate::growth::Order::parse(order), order.trim().to_owned()))
    };
    let Some(raw) = raw else {
        if let Some(answer) = wrong.iter().find(|a| declared(a).is_some()) {
            p.errors.push(ChallengeError {
                path: folder.join("wrong").join(format!("{}.py", answer.name)),
                field: "(first line)".into(),
                reason: "declares a growth, but the challenge has no [growth] table".into(),
            });
        }
        return None;
    };
    if kind != Kind::Function {
        p.add("growth", "only function challenges can measure growth");
        return None;
    }
    if !tests
        .iter()
        .any(|t| matches!(t.kind, TestKind::Call { .. }))
    {
        p.add(
            "growth",
            "needs a call test to know which function to measure",
        );
    }
    let Some(expected) = crate::growth::Order::parse(&raw.expected) else {
        p.add(
            "growth.expected",
            format!(
                "'{}' is not an order of growth (1, log n, sqrt n, n, n log n, n^2, n^3, 2^n)",
                raw.expected
            ),
        );
        return None;
    };
    if raw.start < 2 {
        p.add("growth.start", "the smallest size must be at least 2");
    }
    if !raw.make.contains("def make(") {
        p.add("growth.make", "must define make(n, rng)");
    }
    let mut slow = vec![];
    for answer in wrong {
        let path = || folder.join("wrong").join(format!("{}.py", answer.name));
        match declared(answer) {
            None => {}
            Some((Some(grows), _)) if grows > expected => slow.push(SlowAnswer {
                name: answer.name.clone(),
                grows,
            }),
            Some((Some(grows), _)) => p.errors.push(ChallengeError {
                path: path(),
                field: "(first line)".into(),
                reason: format!("grows like {grows}, which is not slower than {expected}"),
            }),
            Some((None, text)) => p.errors.push(ChallengeError {
                path: path(),
                field: "(first line)".into(),
                reason: format!("'{text}' is not an order of growth, e.g. `# grows like: n^2`"),
            }),
        }
    }
    Some(GrowthSpec {
        expected,
        start: raw.start,
        make: raw.make.clone(),
        slow,
    })
}

//! How an accepted answer's work grows with its input: the orders of growth,
//! the fit, and the report shown beside the verdict.
//!
//! The judge (`judge::growth`) calls the answer on generated inputs of sizes
//! n, 2n, 4n and 8n and counts the bytecode instructions the Python code
//! executes: a count, not a time, so the result is the same on every machine
//! and every run. [`fit`] names the smallest order of growth that the counts
//! do not outgrow. Pure, so it is tested natively and shown by the UI.
//!
//! What a count cannot see: work done inside one built-in call (`sorted`,
//! `x in some_list`, slicing) counts as a few instructions, whatever the
//! size. The report says so when the fitted order is below the expected one.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An order of growth, from slowest-growing to fastest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    Constant,
    Logarithmic,
    SquareRoot,
    Linear,
    Linearithmic,
    Quadratic,
    Cubic,
    Exponential,
}

impl Order {
    /// Every order, slowest-growing first: the order [`fit`] tries them in.
    pub const ALL: [Order; 8] = [
        Order::Constant,
        Order::Logarithmic,
        Order::SquareRoot,
        Order::Linear,
        Order::Linearithmic,
        Order::Quadratic,
        Order::Cubic,
        Order::Exponential,
    ];

    /// Big-O notation: `O(n log n)`.
    pub fn notation(self) -> &'static str {
        match self {
            Order::Constant => "O(1)",
            Order::Logarithmic => "O(log n)",
            Order::SquareRoot => "O(√n)",
            Order::Linear => "O(n)",
            Order::Linearithmic => "O(n log n)",
            Order::Quadratic => "O(n²)",
            Order::Cubic => "O(n³)",
            Order::Exponential => "O(2ⁿ)",
        }
    }

    /// Reads the spelling challenge files use: `1`, `log n`, `sqrt n`, `n`,
    /// `n log n`, `n^2`, `n^3`, `2^n` (with or without `O(...)`).
    pub fn parse(text: &str) -> Option<Order> {
        let t = text.trim();
        let t = t
            .strip_prefix("O(")
            .and_then(|s| s.strip_suffix(')'))
            .unwrap_or(t);
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(match t.as_str() {
            "1" => Order::Constant,
            "log n" => Order::Logarithmic,
            "sqrt n" | "√n" => Order::SquareRoot,
            "n" => Order::Linear,
            "n log n" => Order::Linearithmic,
            "n^2" | "n²" => Order::Quadratic,
            "n^3" | "n³" => Order::Cubic,
            "2^n" | "2ⁿ" => Order::Exponential,
            _ => return None,
        })
    }

    /// The natural logarithm of this order's function at `n` (logarithms, so
    /// `2^n` stays finite for any size a run can reach).
    fn ln_at(self, n: f64) -> f64 {
        let n = n.max(2.0);
        match self {
            Order::Constant => 0.0,
            Order::Logarithmic => n.log2().ln(),
            Order::SquareRoot => 0.5 * n.ln(),
            Order::Linear => n.ln(),
            Order::Linearithmic => n.ln() + n.log2().ln(),
            Order::Quadratic => 2.0 * n.ln(),
            Order::Cubic => 3.0 * n.ln(),
            Order::Exponential => n * std::f64::consts::LN_2,
        }
    }
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.notation())
    }
}

/// One measurement: the input size and the instructions the call executed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sample {
    pub n: u64,
    pub steps: u64,
}

/// How much the ratio of count to model may still rise over the sizes for
/// the model to be taken as the growth: lower-order terms (a loop's setup, a
/// call's cost) make the right model's ratio fall slightly or stay level,
/// while a model one order too slow sees its ratio rise by half or more
/// over an eightfold size (a logarithm's factor: 1.5 from 64 to 512).
const RISE_TOLERANCE: f64 = 1.15;

/// The smallest order of growth the counts do not outgrow, or `None` with
/// fewer than three sizes. Counts of an order's function plus smaller terms
/// (`3n² + 40n + 12`) fit that order.
pub fn fit(samples: &[Sample]) -> Option<Order> {
    if samples.len() < 3 {
        return None;
    }
    let first = samples.first()?;
    let last = samples.last()?;
    let ln_ratio =
        |order: Order, s: &Sample| (s.steps.max(1) as f64).ln() - order.ln_at(s.n as f64);
    Order::ALL
        .into_iter()
        .find(|&order| ln_ratio(order, last) - ln_ratio(order, first) <= RISE_TOLERANCE.ln())
        .or(Some(Order::Exponential))
}

/// What the judge measured for one accepted answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    /// The function measured.
    pub function: String,
    /// What the question expects of a good answer.
    pub expected: Order,
    /// The fitted order, when enough sizes were measured.
    pub fitted: Option<Order>,
    pub samples: Vec<Sample>,
    /// Why the measurement stopped early, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

/// How a fitted order compares with the expected one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// Grows as the expected order.
    AsExpected,
    /// Grows faster than it needs to.
    Slower,
    /// Counted below the expected order: work inside built-in calls is not counted.
    BelowExpected,
    /// Not enough sizes measured to say.
    Unknown,
}

impl Growth {
    pub fn verdict(&self) -> Comparison {
        match self.fitted {
            None => Comparison::Unknown,
            Some(f) if f == self.expected => Comparison::AsExpected,
            Some(f) if f > self.expected => Comparison::Slower,
            Some(_) => Comparison::BelowExpected,
        }
    }

    /// One sentence for the results: "Your two_sum grows like O(n²); O(n) is possible."
    pub fn summary(&self) -> String {
        let f = &self.function;
        let expected = self.expected;
        match (self.verdict(), self.fitted) {
            (Comparison::AsExpected, Some(fitted)) => {
                format!("Your {f} grows like {fitted}, as a good answer does.")
            }
            (Comparison::Slower, Some(fitted)) => {
                format!("Your {f} grows like {fitted} on larger inputs; {expected} is possible.")
            }
            (Comparison::BelowExpected, Some(fitted)) => format!(
                "Your {f}'s own Python steps grow like {fitted}; most of its work happens \
                 inside built-in functions, which are not counted. {expected} is expected."
            ),
            _ => format!(
                "The growth of your {f} could not be measured{}.",
                self.stopped
                    .as_deref()
                    .map(|why| format!(": {why}"))
                    .unwrap_or_default()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples(start: u64, f: impl Fn(f64) -> f64) -> Vec<Sample> {
        (0..4)
            .map(|k| {
                let n = start << k;
                Sample {
                    n,
                    steps: f(n as f64).round() as u64,
                }
            })
            .collect()
    }

    #[test]
    fn each_order_plus_smaller_terms_fits_itself() {
        type Count = Box<dyn Fn(f64) -> f64>;
        let cases: Vec<(Order, Count)> = vec![
            (Order::Constant, Box::new(|_| 40.0)),
            (Order::Logarithmic, Box::new(|n| 12.0 * n.log2() + 9.0)),
            (Order::SquareRoot, Box::new(|n| 7.0 * n.sqrt() + 20.0)),
            (Order::Linear, Box::new(|n| 9.0 * n + 30.0)),
            (
                Order::Linearithmic,
                Box::new(|n| 6.0 * n * n.log2() + 14.0 * n + 5.0),
            ),
            (
                Order::Quadratic,
                Box::new(|n| 4.0 * n * (n - 1.0) / 2.0 + 11.0 * n + 8.0),
            ),
            (Order::Cubic, Box::new(|n| n * n * n / 6.0 + n * n)),
        ];
        for start in [32, 64, 128] {
            for (order, f) in &cases {
                assert_eq!(
                    fit(&samples(start, f)),
                    Some(*order),
                    "{order} from {start}"
                );
            }
        }
    }

    #[test]
    fn linear_is_told_from_linearithmic_and_quadratic() {
        // The hard pair: a linear count with a constant as large as its
        // smallest size's work, and n log n with a large linear term. (A
        // constant many times larger would look like √n over these sizes:
        // each question picks a start size where the real work dominates.)
        let linear = samples(32, |n| 3.0 * n + 100.0);
        let linearithmic = samples(32, |n| n * n.log2() + 3.0 * n);
        assert_eq!(fit(&linear), Some(Order::Linear));
        assert_eq!(fit(&linearithmic), Some(Order::Linearithmic));
        assert_eq!(fit(&samples(32, |n| n * n / 2.0)), Some(Order::Quadratic));
    }

    #[test]
    fn exponential_growth_is_named() {
        let phi: f64 = 1.618;
        assert_eq!(
            fit(&samples(2, |n| 12.0 * phi.powf(n))),
            Some(Order::Exponential)
        );
    }

    #[test]
    fn too_few_sizes_fit_nothing() {
        assert_eq!(fit(&samples(32, |n| n)[..2]), None);
    }

    #[test]
    fn orders_parse_as_challenge_files_spell_them() {
        for order in Order::ALL {
            assert_eq!(Order::parse(order.notation()), Some(order));
        }
        assert_eq!(Order::parse("n^2"), Some(Order::Quadratic));
        assert_eq!(Order::parse("sqrt n"), Some(Order::SquareRoot));
        assert_eq!(Order::parse("n  log n"), Some(Order::Linearithmic));
        assert_eq!(Order::parse("n!"), None);
    }

    #[test]
    fn the_summary_names_a_slower_growth_and_the_better_one() {
        let g = Growth {
            function: "two_sum".into(),
            expected: Order::Linear,
            fitted: Some(Order::Quadratic),
            samples: vec![],
            stopped: None,
        };
        assert_eq!(g.verdict(), Comparison::Slower);
        assert_eq!(
            g.summary(),
            "Your two_sum grows like O(n²) on larger inputs; O(n) is possible."
        );
    }
}

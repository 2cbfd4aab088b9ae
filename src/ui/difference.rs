//! Where an expected and an actual value, as shown, first differ: the token
//! to highlight on each side (an item of a list, a word of the output).
//!
//! The judge names the first difference in words and folds long values
//! around it; this finds the same place in the two texts the results show,
//! so the page can mark it. Pure, so it is tested natively.

/// Characters `start..end` (counted in chars) of a shown value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Characters that belong to one token: a number, a name, a quoted word.
fn in_token(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '+' | '\'' | '"')
}

/// The end of the token starting at `from` (at least one character when any is left).
fn token_end(chars: &[char], from: usize) -> usize {
    if from >= chars.len() {
        return from;
    }
    let mut end = from;
    while end < chars.len() && in_token(chars[end]) {
        end += 1;
    }
    end.max(from + 1)
}

/// The first differing token of each text, or `None` when they are equal.
/// When one text is a prefix of the other, the longer one's rest is marked
/// and the shorter one gets an empty span at its end.
pub fn first_difference(expected: &str, actual: &str) -> Option<(Span, Span)> {
    let e: Vec<char> = expected.chars().collect();
    let a: Vec<char> = actual.chars().collect();
    let mut start = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    if start == e.len() && start == a.len() {
        return None;
    }
    let inside = |chars: &[char]| chars.get(start).is_some_and(|c| in_token(*c));
    if inside(&e) || inside(&a) {
        // Back to the start of the token the difference falls in.
        while start > 0 && in_token(e[start - 1]) {
            start -= 1;
        }
    }
    // One side ended early (only its closing brackets are left): the other's
    // extra items are the difference.
    let closing = |chars: &[char]| chars[start..].iter().all(|c| matches!(c, ']' | ')' | '}'));
    let extra = |longer: &[char], shorter: &[char]| Span {
        start,
        end: longer.len() - (shorter.len() - start),
    };
    if closing(&a) && e.len() > a.len() {
        return Some((extra(&e, &a), Span { start, end: start }));
    }
    if closing(&e) && a.len() > e.len() {
        return Some((Span { start, end: start }, extra(&a, &e)));
    }
    let span = |chars: &[char]| Span {
        start: start.min(chars.len()),
        end: token_end(chars, start).min(chars.len()),
    };
    Some((span(&e), span(&a)))
}

/// `text` cut into the part before `span`, the span and the part after.
pub fn split(text: &str, span: Span) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let start = span.start.min(chars.len());
    let end = span.end.clamp(start, chars.len());
    (
        chars[..start].iter().collect(),
        chars[start..end].iter().collect(),
        chars[end..].iter().collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, span: Span) -> String {
        let (before, mark, after) = split(text, span);
        format!("{before}[{mark}]{after}")
    }

    #[test]
    fn the_first_differing_item_of_a_list_is_marked_whole() {
        let (e, a) = first_difference("[1, 2, 3, 10]", "[1, 2, 3, 12]").unwrap();
        assert_eq!(marked("[1, 2, 3, 10]", e), "[1, 2, 3, [10]]");
        assert_eq!(marked("[1, 2, 3, 12]", a), "[1, 2, 3, [12]]");
    }

    #[test]
    fn a_word_of_the_output_is_marked_on_its_line() {
        let e = "Hello, Ada!\nBye, Ada!";
        let a = "Hello, Ada!\nBye, Bob!";
        let (se, sa) = first_difference(e, a).unwrap();
        assert_eq!(marked(e, se), "Hello, Ada!\nBye, [Ada]!");
        assert_eq!(marked(a, sa), "Hello, Ada!\nBye, [Bob]!");
    }

    #[test]
    fn a_missing_tail_leaves_an_empty_mark_at_the_shorter_end() {
        let (e, a) = first_difference("[1, 2, 3]", "[1, 2]").unwrap();
        assert_eq!(marked("[1, 2, 3]", e), "[1, 2[, 3]]");
        assert_eq!(marked("[1, 2]", a), "[1, 2[]]");
    }

    #[test]
    fn equal_texts_have_no_difference_and_strings_are_marked_whole() {
        assert_eq!(first_difference("abc", "abc"), None);
        let (e, a) = first_difference("'apple'", "'apply'").unwrap();
        assert_eq!(marked("'apple'", e), "['apple']");
        assert_eq!(marked("'apply'", a), "['apply']");
        let (e, _) = first_difference("1 → 2 → 4", "1 → 3 → 4").unwrap();
        assert_eq!(marked("1 → 2 → 4", e), "1 → [2] → 4");
    }
}

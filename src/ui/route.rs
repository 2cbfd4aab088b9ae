//! Where the app is: the URL fragment, parsed and printed.
//!
//! Routes live in the fragment (`#/q/is-prime`) so the app works from any
//! static host and subpath, and a shared answer (`#/q/is-prime?code=...`)
//! never leaves the browser: fragments are not sent to servers. Pure, so it
//! is tested natively.

use base64::Engine as _;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Catalog,
    Challenge {
        id: String,
        /// Code carried by a share link, not yet accepted into the draft.
        shared_code: Option<String>,
    },
    /// The playground, on one of its files (the first when `None`).
    Playground {
        file: Option<String>,
        /// Code carried by a share link, not yet kept as a file.
        shared_code: Option<String>,
    },
    /// Choosing and starting a mock interview.
    InterviewSetup,
    /// One mock interview: the questions while it runs, its summary once over.
    Interview {
        id: String,
    },
    /// Progress by section, topic and difficulty, streak, past interviews.
    Progress,
}

/// The code a share link carries in its `code=` parameter.
fn shared_code(query: &str) -> Option<String> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("code="))
        .and_then(base64url_decode)
        .and_then(|bytes| String::from_utf8(bytes).ok())
}

/// A file name as it may stand in a fragment: letters, digits, `.`, `_` and `-`.
pub fn is_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 60
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`). Unknown fragments mean the catalog.
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        match path {
            "/interview" => return Route::InterviewSetup,
            "/progress" => return Route::Progress,
            _ => {}
        }
        if let Some(id) = path.strip_prefix("/interview/") {
            return if !id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit()) {
                Route::Interview { id: id.to_owned() }
            } else {
                Route::InterviewSetup
            };
        }
        if path == "/play" || path.starts_with("/play/") {
            let file = path
                .strip_prefix("/play/")
                .filter(|f| is_file_name(f))
                .map(str::to_owned);
            return Route::Playground {
                file,
                shared_code: shared_code(query),
            };
        }
        let Some(id) = path.strip_prefix("/q/") else {
            return Route::Catalog;
        };
        if id.is_empty() {
            return Route::Catalog;
        }
        Route::Challenge {
            id: id.to_owned(),
            shared_code: shared_code(query),
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Catalog => "#/".into(),
            Route::Challenge {
                id,
                shared_code: None,
            } => format!("#/q/{id}"),
            Route::Challenge {
                id,
                shared_code: Some(code),
            } => {
                format!("#/q/{id}?code={}", base64url_encode(code.as_bytes()))
            }
            Route::Playground { file, shared_code } => {
                let mut hash = match file {
                    Some(f) => format!("#/play/{f}"),
                    None => "#/play".to_owned(),
                };
                if let Some(code) = shared_code {
                    hash.push_str("?code=");
                    hash.push_str(&base64url_encode(code.as_bytes()));
                }
                hash
            }
            Route::InterviewSetup => "#/interview".into(),
            Route::Interview { id } => format!("#/interview/{id}"),
            Route::Progress => "#/progress".into(),
        }
    }
}

/// Base64 with the URL-safe alphabet, written without padding; reading
/// ignores any padding and stray low bits, as links get copied by hand.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Base64 with the URL-safe alphabet and no padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    BASE64URL.encode(bytes)
}

/// Decodes [`base64url_encode`]'s output; `None` for anything else.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    BASE64URL.decode(text.trim_end_matches('=')).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for route in [
            Route::Catalog,
            Route::Challenge {
                id: "is-prime".into(),
                shared_code: None,
            },
            Route::Challenge {
                id: "fibonacci".into(),
                shared_code: Some("def f():\n    return 'ü €'\n".into()),
            },
            Route::Playground {
                file: None,
                shared_code: None,
            },
            Route::Playground {
                file: Some("main.py".into()),
                shared_code: Some("print(input())\n".into()),
            },
            Route::InterviewSetup,
            Route::Interview {
                id: "1764530000000".into(),
            },
            Route::Progress,
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    #[test]
    fn anything_else_is_the_catalog_and_bad_code_is_ignored() {
        assert_eq!(Route::parse(""), Route::Catalog);
        assert_eq!(Route::parse("#/nope"), Route::Catalog);
        assert_eq!(Route::parse("#/q/"), Route::Catalog);
        assert_eq!(
            Route::parse("#/play/../x"),
            Route::Playground {
                file: None,
                shared_code: None
            }
        );
        assert_eq!(
            Route::parse("#/q/x?code=%%%"),
            Route::Challenge {
                id: "x".into(),
                shared_code: None
            }
        );
    }

    #[test]
    fn interview_and_progress_routes_parse_and_print() {
        assert_eq!(Route::parse("#/progress"), Route::Progress);
        assert_eq!(Route::Progress.to_hash(), "#/progress");
        assert_eq!(Route::parse("#/interview"), Route::InterviewSetup);
        assert_eq!(
            Route::parse("#/interview/42"),
            Route::Interview { id: "42".into() }
        );
        assert_eq!(
            Route::Interview { id: "42".into() }.to_hash(),
            "#/interview/42"
        );
        // Interview ids are start times: anything else is the setup page.
        assert_eq!(Route::parse("#/interview/x1"), Route::InterviewSetup);
        assert_eq!(Route::parse("#/interview/"), Route::InterviewSetup);
    }

    #[test]
    fn base64url_matches_the_standard_alphabet_without_padding() {
        assert_eq!(base64url_encode(b"hello?>"), "aGVsbG8_Pg");
        assert_eq!(base64url_decode("aGVsbG8_Pg").unwrap(), b"hello?>");
        for n in 0..10 {
            let data: Vec<u8> = (0..n).map(|i| (i * 37 + 5) as u8).collect();
            assert_eq!(base64url_decode(&base64url_encode(&data)).unwrap(), data);
        }
    }
}

//! The challenges' Markdown, shown as HTML: rendered at build time
//! (`build.rs`, pulldown-cmark) from the catalog's own files, so it is trusted.

use yew::prelude::*;

/// Trusted HTML rendered from the challenge's Markdown at build time.
pub fn rendered(html: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.to_owned()))
}

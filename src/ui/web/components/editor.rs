//! The code editor: a CodeMirror view owned by this component.
//!
//! Created once per mount; the `doc` prop flows in (a reset, another tab's
//! edit) and edits flow out through `on_change`. The JavaScript callbacks
//! read the latest props through a shared cell, so they never go stale.

use crate::web::bridge::{self, EditorView};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub doc: AttrValue,
    /// The accessible name of the editing area.
    pub label: AttrValue,
    /// "python" or "text".
    #[prop_or(AttrValue::Static("python"))]
    pub language: AttrValue,
    pub on_change: Callback<String>,
    pub on_run: Callback<()>,
    pub on_submit: Callback<()>,
    /// Bumped to move the cursor to `goto_line`.
    #[prop_or_default]
    pub goto: u32,
    #[prop_or_default]
    pub goto_line: u32,
    /// Problems to mark in the code (underlined, with a gutter marker and the message).
    #[prop_or_default]
    pub problems: Vec<Diagnostic>,
    /// The line a step-through is on, highlighted (0: none).
    #[prop_or_default]
    pub step_line: u32,
}

/// Where the editor's cursor was last sent, and how many times it was sent
/// (the `goto` and `goto_line` props): the same line sent again moves it
/// again. Its dispatcher is a `Callback<u32>` that stays the same.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GoTo {
    pub times: u32,
    pub line: u32,
}

impl Reducible for GoTo {
    type Action = u32;

    fn reduce(self: Rc<Self>, line: u32) -> Rc<Self> {
        Rc::new(GoTo {
            times: self.times + 1,
            line,
        })
    }
}

/// A problem marked in the code: a syntax error as it is typed, or the line
/// where the last run's exception happened.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Diagnostic {
    /// 1-based.
    pub line: u32,
    /// 1-based; 0 marks the whole line.
    pub column: u32,
    pub message: String,
}

/// The problems worth marking: the syntax error if there is one, else the
/// line of the exception in `report` (when it ran this very code).
pub fn problems_of(
    syntax: Option<&pyprep_core::report::SyntaxError>,
    run: Option<(&str, &pyprep_core::report::Report)>,
    code: &str,
) -> Vec<Diagnostic> {
    if let Some(e) = syntax {
        return vec![Diagnostic {
            line: e.line,
            column: e.column,
            message: format!("SyntaxError: {}", e.message),
        }];
    }
    let Some((_, report)) = run.filter(|(ran, _)| *ran == code) else {
        return vec![];
    };
    report
        .tests
        .iter()
        .find_map(|t| match &t.verdict {
            pyprep_core::report::TestVerdict::RuntimeError { error } => {
                error.frames.last().map(|f| Diagnostic {
                    line: f.line,
                    column: 0,
                    message: error.summary(),
                })
            }
            _ => None,
        })
        .into_iter()
        .collect()
}

/// The view, and the JavaScript callbacks that must live as long as it.
struct Live {
    view: EditorView,
    _on_change: Closure<dyn FnMut(String)>,
    _on_run: Closure<dyn FnMut()>,
    _on_submit: Closure<dyn FnMut()>,
}

#[derive(Clone)]
struct Handlers {
    on_change: Callback<String>,
    on_run: Callback<()>,
    on_submit: Callback<()>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let node = use_node_ref();
    let live: Rc<RefCell<Option<Live>>> = use_mut_ref(|| None);
    let handlers = use_mut_ref(|| Handlers {
        on_change: props.on_change.clone(),
        on_run: props.on_run.clone(),
        on_submit: props.on_submit.clone(),
    });
    *handlers.borrow_mut() = Handlers {
        on_change: props.on_change.clone(),
        on_run: props.on_run.clone(),
        on_submit: props.on_submit.clone(),
    };

    {
        let node = node.clone();
        let live = live.clone();
        let handlers = handlers.clone();
        let (doc, label, language) = (
            props.doc.to_string(),
            props.label.to_string(),
            props.language.to_string(),
        );
        use_effect_with((), move |_| {
            if let Some(parent) = node.cast::<web_sys::Element>() {
                let h = handlers.clone();
                let on_change = Closure::<dyn FnMut(String)>::new(move |text: String| {
                    let cb = h.borrow().on_change.clone();
                    cb.emit(text)
                });
                let h = handlers.clone();
                let on_run = Closure::<dyn FnMut()>::new(move || {
                    let cb = h.borrow().on_run.clone();
                    cb.emit(())
                });
                let h = handlers;
                let on_submit = Closure::<dyn FnMut()>::new(move || {
                    let cb = h.borrow().on_submit.clone();
                    cb.emit(())
                });
                let view = bridge::create_editor(
                    &parent,
                    &doc,
                    &label,
                    &language,
                    on_change.as_ref().unchecked_ref(),
                    on_run.as_ref().unchecked_ref(),
                    on_submit.as_ref().unchecked_ref(),
                );
                *live.borrow_mut() = Some(Live {
                    view,
                    _on_change: on_change,
                    _on_run: on_run,
                    _on_submit: on_submit,
                });
            }
            move || {
                if let Some(l) = live.borrow_mut().take() {
                    bridge::destroy_editor(&l.view);
                }
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with(props.doc.clone(), move |doc| {
            if let Some(l) = live.borrow().as_ref()
                && bridge::get_doc(&l.view) != doc.as_str()
            {
                bridge::set_doc(&l.view, doc);
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with((props.goto, props.goto_line), move |(goto, line)| {
            if *goto > 0
                && let Some(l) = live.borrow().as_ref()
            {
                bridge::go_to_line(&l.view, *line);
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with(props.problems.clone(), move |problems| {
            if let Some(l) = live.borrow().as_ref() {
                let json = serde_json::to_string(problems).expect("problems serialize");
                let value = js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL);
                bridge::set_problems(&l.view, &value);
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with(props.step_line, move |line| {
            if let Some(l) = live.borrow().as_ref() {
                bridge::set_step_line(&l.view, *line);
            }
        });
    }
    html! { <div class="editor" ref={node}></div> }
}

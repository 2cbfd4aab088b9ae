//! The playground: any Python, run in the same sandbox as the questions.
//!
//! Several named files, each kept on this device as a draft
//! (`crate::state::scratch_id`) with a share link of its own; input for
//! `input()` typed in the console as the program asks for it, or given
//! beforehand; files the code can read, and the files it wrote listed
//! afterwards. A run is never judged or counted.

use super::editor::{Editor, GoTo, problems_of};
use super::keys_help::KeysHelp;
use super::live_console::LiveConsole;
use super::{on_text, share_link};
use crate::route::{Route, is_file_name};
use crate::state::{Action, JudgeStatus, playground_files, scratch_id, work_files_id};
use crate::web::hooks::use_syntax_check;
use crate::web::now_ms;
use crate::web::props::{RunView, Shared};
use pyprep_core::protocol::{PLAYGROUND, Play, RunId};
use pyprep_core::storage::Saved;
use yew::prelude::*;

/// What a new playground starts with.
pub const WELCOME: &str = "# Any Python runs here. Ctrl+Enter runs it.\nname = input(\"Your name? \")\nprint(f\"Hello, {name}!\")\n";

#[derive(Properties, PartialEq)]
pub struct PlaygroundPageProps {
    /// The files (drafts) and the files their runs start with.
    pub saved: Shared<Saved>,
    pub runs: RunView,
    /// The file shown (the first one when `None`).
    pub file: Option<String>,
    pub shared_code: Option<String>,
    pub on_action: Callback<Action>,
    pub on_input: Callback<(RunId, String)>,
}

fn navigate(on_action: &Callback<Action>, file: &str) {
    on_action.emit(Action::Navigate(Route::Playground {
        file: Some(file.to_owned()),
        shared_code: None,
    }));
}

#[component]
pub fn PlaygroundPage(props: &PlaygroundPageProps) -> Html {
    let (saved, runs) = (&props.saved, &props.runs);
    let files = playground_files(saved);
    let file = props
        .file
        .clone()
        .filter(|f| files.contains(f))
        .or_else(|| files.first().cloned())
        .unwrap_or_else(|| "main.py".to_owned());
    let id = scratch_id(&file);
    let code = saved
        .drafts
        .get(&id)
        .map(|d| d.code.clone())
        .unwrap_or_else(|| WELCOME.to_owned());
    let stdin = use_state(String::new);
    let ask = use_state(|| true);
    let new_name = use_state(String::new);
    let share = use_state(|| None::<String>);
    let goto = use_reducer(GoTo::default);
    let syntax = use_syntax_check(&code);
    let work_files: Vec<(String, String)> = saved
        .drafts
        .get(&work_files_id(&file))
        .and_then(|d| serde_json::from_str(&d.code).ok())
        .unwrap_or_default();

    let busy = runs.busy();
    let run = runs.of_challenge(PLAYGROUND);
    let interactive = *ask && runs.interactive_input;
    let problems = problems_of(
        syntax.as_ref(),
        run.map(|r| (r.request.code.as_str(), r.tracker.report())),
        &code,
    );

    let on_run = {
        let on_action = props.on_action.clone();
        let (code, stdin, work_files) = (code.clone(), (*stdin).clone(), work_files.clone());
        Callback::from(move |_: ()| {
            on_action.emit(Action::Play {
                challenge: PLAYGROUND.to_owned(),
                code: code.clone(),
                play: Play {
                    stdin: stdin.clone(),
                    interactive,
                    files: work_files.clone(),
                    call: None,
                },
            })
        })
    };
    let on_stop = {
        let on_action = props.on_action.clone();
        let run = run.map(|r| r.id);
        Callback::from(move |_: MouseEvent| {
            if let Some(run) = run {
                on_action.emit(Action::Stop(run));
            }
        })
    };
    let on_change = {
        let on_action = props.on_action.clone();
        let id = id.clone();
        Callback::from(move |code: String| {
            on_action.emit(Action::Edit {
                id: id.clone(),
                code,
                at: now_ms(),
            })
        })
    };
    let save_files = {
        let on_action = props.on_action.clone();
        let id = work_files_id(&file);
        Callback::from(move |files: Vec<(String, String)>| {
            on_action.emit(Action::Edit {
                id: id.clone(),
                code: serde_json::to_string(&files).expect("files serialize"),
                at: now_ms(),
            })
        })
    };
    let on_new = {
        let on_action = props.on_action.clone();
        let new_name = new_name.clone();
        let files = files.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut name = new_name.trim().to_owned();
            if !name.contains('.') {
                name.push_str(".py");
            }
            if !is_file_name(&name) || files.contains(&name) {
                return;
            }
            on_action.emit(Action::Edit {
                id: scratch_id(&name),
                code: String::new(),
                at: now_ms(),
            });
            navigate(&on_action, &name);
            new_name.set(String::new());
        })
    };
    let on_delete = {
        let on_action = props.on_action.clone();
        let (file, files) = (file.clone(), files.clone());
        Callback::from(move |_: MouseEvent| {
            let sure = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(&format!("Delete {file}? Its code will be lost."))
                        .ok()
                })
                .unwrap_or(false);
            if sure {
                on_action.emit(Action::DeleteDraft {
                    id: scratch_id(&file),
                });
                on_action.emit(Action::DeleteDraft {
                    id: work_files_id(&file),
                });
                if let Some(other) = files.iter().find(|f| **f != file) {
                    navigate(&on_action, other);
                }
            }
        })
    };
    let make_link = share_link(
        Route::Playground {
            file: None,
            shared_code: Some(code.clone()),
        },
        {
            let share = share.clone();
            Callback::from(move |link: String| share.set(Some(link)))
        },
    );
    let keep_shared = props.shared_code.clone().map(|shared| {
        let on_action = props.on_action.clone();
        let files = files.clone();
        Callback::from(move |_: MouseEvent| {
            let name = (1..)
                .map(|n| {
                    format!(
                        "shared{}.py",
                        if n == 1 { String::new() } else { n.to_string() }
                    )
                })
                .find(|n| !files.contains(n))
                .expect("some name is free");
            on_action.emit(Action::Edit {
                id: scratch_id(&name),
                code: shared.clone(),
                at: now_ms(),
            });
            navigate(&on_action, &name);
        })
    });
    let on_goto = goto.dispatcher().to_callback();

    html! {
        <main class="page playground" aria-labelledby="playground-title">
            <h1 id="playground-title">{ "Playground" }</h1>
            if let (Some(shared), Some(keep)) = (&props.shared_code, keep_shared) {
                <section class="shared-offer" aria-label="Shared code">
                    <p>{ "This link carries code. Keep it as a new file?" }</p>
                    <pre>{ shared }</pre>
                    <button type="button" class="primary" onclick={keep}>{ "Keep as a new file" }</button>
                </section>
            }
            <nav class="scratch-files" aria-label="Your files">
                <ul>
                    { for files.iter().map(|f| {
                        let current = *f == file;
                        html! {
                            <li>
                                <a href={Route::Playground { file: Some(f.clone()), shared_code: None }.to_hash()}
                                    aria-current={if current { Some("page") } else { None }}>{ f }</a>
                            </li>
                        }
                    }) }
                </ul>
                <form class="new-file" onsubmit={on_new}>
                    <label for="new-file-name">{ "New file" }</label>
                    <input id="new-file-name" type="text" placeholder="name.py" value={(*new_name).clone()}
                        oninput={on_text({ let n = new_name.clone(); Callback::from(move |t: String| n.set(t)) })} />
                    <button type="submit">{ "Create" }</button>
                </form>
            </nav>
            <section class="workspace code" aria-label={format!("Code of {file}")}>
                <div class="toolbar" role="toolbar" aria-label="Run your code">
                    <button type="button" class="primary" disabled={busy} onclick={on_run.reform(|_: MouseEvent| ())}
                        title="Run (Ctrl+Enter)">{ "Run" }</button>
                    if busy && run.is_some() {
                        <button type="button" class="stop" onclick={on_stop}>{ "Stop" }</button>
                    }
                    <span class="shortcut muted">{ "Ctrl+Enter runs" }</span>
                    <KeysHelp />
                    <span class="spacer"></span>
                    <button type="button" onclick={make_link}>{ "Share link" }</button>
                    if files.len() > 1 {
                        <button type="button" onclick={on_delete}>{ "Delete file" }</button>
                    }
                </div>
                if let Some(link) = (*share).clone() {
                    <div class="share">
                        <label>{ "Link with this file's code (copied if the browser allowed it):" }
                            <input type="text" readonly=true value={link} />
                        </label>
                        <p class="muted">{ "The code travels inside the link itself; nothing is uploaded." }</p>
                    </div>
                }
                <Editor
                    key={file.clone()}
                    doc={AttrValue::from(code.clone())}
                    label={AttrValue::from(format!("Python code for {file}"))}
                    on_change={on_change}
                    on_run={on_run.clone()}
                    on_submit={on_run}
                    goto={goto.times}
                    goto_line={goto.line}
                    problems={problems}
                />
                <details class="run-input" open={!stdin.is_empty()}>
                    <summary>{ "Input" }</summary>
                    <label>
                        <input type="checkbox" checked={*ask} disabled={!runs.interactive_input}
                            onchange={{ let ask = ask.clone(); Callback::from(move |_: Event| ask.set(!*ask)) }} />
                        { " Ask me in the console when the program calls input()" }
                    </label>
                    if !runs.interactive_input && runs.judge == JudgeStatus::Ready {
                        <p class="muted">{ "This browser cannot pause a running program, so input() reads the text below." }</p>
                    }
                    <label class="block">{ "Text for input(), one line per call (read first)" }
                        <textarea rows="3" value={(*stdin).clone()}
                            oninput={on_text({ let s = stdin.clone(); Callback::from(move |t: String| s.set(t)) })} />
                    </label>
                </details>
                <WorkFilesEditor files={work_files} on_change={save_files} />
                if let Some(r) = run {
                    <LiveConsole run={r.clone()} on_input={props.on_input.clone()} on_goto={on_goto} />
                }
            </section>
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct WorkFilesEditorProps {
    pub files: Vec<(String, String)>,
    pub on_change: Callback<Vec<(String, String)>>,
}

/// Files in the working folder when the code starts: add, edit, remove.
#[component]
pub fn WorkFilesEditor(props: &WorkFilesEditorProps) -> Html {
    let name = use_state(String::new);
    let add = {
        let (name, files, on_change) = (name.clone(), props.files.clone(), props.on_change.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let n = name.trim().to_owned();
            if is_file_name(&n) && !files.iter().any(|(f, _)| *f == n) {
                let mut files = files.clone();
                files.push((n, String::new()));
                on_change.emit(files);
                name.set(String::new());
            }
        })
    };
    html! {
        <details class="work-files-editor" open={!props.files.is_empty()}>
            <summary>{ format!("Files the code can open ({})", props.files.len()) }</summary>
            { for props.files.iter().enumerate().map(|(i, (f, text))| {
                let edit = {
                    let (files, on_change) = (props.files.clone(), props.on_change.clone());
                    on_text(Callback::from(move |t: String| {
                        let mut files = files.clone();
                        files[i].1 = t;
                        on_change.emit(files);
                    }))
                };
                let remove = {
                    let (files, on_change) = (props.files.clone(), props.on_change.clone());
                    Callback::from(move |_: MouseEvent| {
                        let mut files = files.clone();
                        files.remove(i);
                        on_change.emit(files);
                    })
                };
                html! {
                    <div class="work-file">
                        <label class="block">{ f }
                            <textarea rows="4" value={text.clone()} oninput={edit} />
                        </label>
                        <button type="button" onclick={remove} aria-label={format!("Remove {f}")}>{ "Remove" }</button>
                    </div>
                }
            }) }
            <form class="new-file" onsubmit={add}>
                <label for="new-work-file">{ "Add a file" }</label>
                <input id="new-work-file" type="text" placeholder="data.txt" value={(*name).clone()}
                    oninput={on_text({ let n = name.clone(); Callback::from(move |t: String| n.set(t)) })} />
                <button type="submit">{ "Add" }</button>
            </form>
        </details>
    }
}

//! The keyboard shortcuts, behind a `?` button next to Run.

use yew::prelude::*;

#[component]
pub fn KeysHelp() -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close_on_escape = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    html! {
        <span class="keys-help" onkeydown={close_on_escape}>
            <button type="button" class="help-button" aria-label="Keyboard shortcuts"
                aria-expanded={(*open).to_string()} aria-controls="keys-help-list" onclick={toggle}>{ "?" }</button>
            if *open {
                <div id="keys-help-list" class="keys-popover" role="dialog" aria-label="Keyboard shortcuts">
                    <dl>
                        <dt><kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Enter" }</kbd></dt><dd>{ "Run (⌘ on a Mac)" }</dd>
                        <dt><kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "Shift" }</kbd>{ "+" }<kbd>{ "Enter" }</kbd></dt><dd>{ "Submit" }</dd>
                        <dt><kbd>{ "Ctrl" }</kbd>{ "+" }<kbd>{ "S" }</kbd></dt><dd>{ "Nothing to do: your code is saved as you type" }</dd>
                        <dt><kbd>{ "Tab" }</kbd></dt><dd>{ "Indent, inside the editor" }</dd>
                        <dt><kbd>{ "Esc" }</kbd></dt><dd>{ "Leave the editor, so Tab moves to the next control" }</dd>
                    </dl>
                </div>
            }
        </span>
    }
}

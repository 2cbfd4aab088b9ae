//! The JavaScript this app calls: the CodeMirror editor bundle (`www/editor.js`,
//! bundled into `www/gen/editor.js` before the UI is compiled, and copied
//! beside the app's own script as `editor.js` by `www/index.html`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(raw_module = "./editor.js")]
extern "C" {
    /// A CodeMirror `EditorView`.
    pub type EditorView;

    #[wasm_bindgen(js_name = createEditor)]
    pub fn create_editor(
        parent: &web_sys::Element,
        doc: &str,
        label: &str,
        language: &str,
        on_change: &js_sys::Function,
        on_run: &js_sys::Function,
        on_submit: &js_sys::Function,
    ) -> EditorView;

    #[wasm_bindgen(js_name = setDoc)]
    pub fn set_doc(view: &EditorView, doc: &str);

    #[wasm_bindgen(js_name = getDoc)]
    pub fn get_doc(view: &EditorView) -> String;

    #[wasm_bindgen(js_name = focusEditor)]
    pub fn focus_editor(view: &EditorView);

    #[wasm_bindgen(js_name = goToLine)]
    pub fn go_to_line(view: &EditorView, line: u32);

    /// Marks problems: a JS array of `{ line, column, message, severity }`.
    #[wasm_bindgen(js_name = setProblems)]
    pub fn set_problems(view: &EditorView, problems: &JsValue);

    /// Highlights the step-through's current line (0 clears it).
    #[wasm_bindgen(js_name = setStepLine)]
    pub fn set_step_line(view: &EditorView, line: u32);

    #[wasm_bindgen(js_name = destroyEditor)]
    pub fn destroy_editor(view: &EditorView);
}

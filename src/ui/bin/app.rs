//! The browser app's entry point: Trunk builds it for `wasm32-unknown-unknown`.

fn main() {
    pyprep_ui::start();
}

//! The browser app's entry point: Trunk builds this for `wasm32-unknown-unknown`.

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {
    pyprep::ui::start();
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() {
    eprintln!("The app runs in a browser: build and serve it with the command in the README.");
    std::process::exit(2);
}

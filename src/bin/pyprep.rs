//! `pyprep`: the judge on the command line; see `pyprep help` and `cli`.
//! The same binary built for `wasm32-wasip1` is the browser worker's sandbox.

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
#[global_allocator]
static ALLOCATOR: pyprep::judge::memory::CappedAllocator = pyprep::judge::memory::CappedAllocator;

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    pyprep::cli::main(&args)
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn main() {}

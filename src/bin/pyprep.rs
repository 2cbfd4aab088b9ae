//! `pyprep`: the judge on the command line; see `pyprep help` and `cli`.
//! The same binary built for `wasm32-wasip1` is the browser worker's sandbox.

#[global_allocator]
static ALLOCATOR: pyprep::judge::memory::CappedAllocator = pyprep::judge::memory::CappedAllocator;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    pyprep::cli::main(&args)
}

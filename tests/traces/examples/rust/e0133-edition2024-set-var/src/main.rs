use std::env;

fn init_logging(verbose: bool) {
    if verbose {
        env::set_var("RUST_LOG", "debug");
    }
    println!("RUST_LOG={}", env::var("RUST_LOG").unwrap_or_default());
}

fn main() {
    init_logging(std::env::args().any(|a| a == "-v"));
}

#[derive(Debug, Default)]
struct Options {
    verbose: bool,
    jobs: u8,
}

fn main() {
    let opts = Options;
    println!("{:?}", opts);
}

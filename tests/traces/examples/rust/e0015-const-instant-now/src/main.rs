use std::time::Instant;

const STARTED: Instant = Instant::now();

fn main() {
    println!("up for {:?}", STARTED.elapsed());
}

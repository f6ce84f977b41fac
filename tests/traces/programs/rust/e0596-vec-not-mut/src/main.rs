use std::io::{self, BufRead};

fn main() {
    let errors = Vec::new();
    for line in io::stdin().lock().lines() {
        let line = line.expect("stdin");
        if line.contains(" ERROR ") {
            errors.push(line);
        }
    }
    println!("{} error lines", errors.len());
}

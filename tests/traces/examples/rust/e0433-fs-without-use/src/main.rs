use std::env;

fn main() {
    let path = env::args().nth(1).unwrap_or_else(|| "README.md".to_string());
    let text = fs::read_to_string(&path).expect("cannot read file");
    let words = text.split_whitespace().count();
    println!("{} {}", words, path);
}

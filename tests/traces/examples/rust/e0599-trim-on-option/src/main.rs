use std::env;

fn main() {
    let token = env::var("API_TOKEN").ok();
    let token = token.trim();
    if token.is_empty() {
        eprintln!("API_TOKEN is empty");
    }
}

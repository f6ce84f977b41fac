use std::env;

fn listen_port() -> u16 {
    let raw = env::var("PORT").unwrap_or_else(|_| "8080".to_string());
    raw.trim_end_matches('\n').parse().unwrap()
}

fn main() {
    println!("listening on 0.0.0.0:{}", listen_port());
}

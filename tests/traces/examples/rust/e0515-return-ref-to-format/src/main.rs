fn greeting(name: &str) -> &str {
    let msg = format!("Hello, {}!", name);
    &msg
}

fn main() {
    println!("{}", greeting("Mei"));
}

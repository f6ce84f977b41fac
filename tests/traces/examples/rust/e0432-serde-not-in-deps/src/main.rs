use serde::Deserialize;

#[derive(Debug)]
struct Settings {
    theme: String,
}

fn main() {
    let s = Settings { theme: "dark".into() };
    println!("{:?}", s);
}

use serde::Deserialize;

#[derive(Deserialize, Debug)]
struct Config {
    name: String,
}

fn main() {
    let c: Config = serde_json::from_str(r#"{"name":"x"}"#).unwrap();
    println!("{:?}", c);
}

use std::collections::HashMap;

fn parse(text: &str) -> HashMap<String, String> {
    let mut values = HashMap::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with(';') {
            continue;
        }
        if let Some((key, value)) = line.split_once('=') {
            vaules.insert(key.trim().to_string(), value.trim().to_string());
        }
    }
    values
}

fn main() {
    let cfg = parse("name = demo\nport = 8080\n");
    println!("{:?}", cfg.get("port"));
}

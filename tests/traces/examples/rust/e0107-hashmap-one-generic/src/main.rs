use std::collections::HashMap;

fn index(text: &str) -> HashMap<String> {
    let mut m = HashMap::new();
    for (i, w) in text.split_whitespace().enumerate() {
        m.insert(w.to_string(), i);
    }
    m
}

fn main() {
    println!("{:?}", index("a b c"));
}

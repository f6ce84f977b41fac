use std::collections::BTreeMap;

fn main() {
    let mut m = BTreeMap::new();
    m.insert("b", 2);
    m.insert("a", 1);
    let first = m.keys()[0];
    println!("{}", first);
}

#![deny(warnings)]

use std::collections::HashMap;
use std::io::Write;

fn main() {
    let retries = 3;
    let mut m = HashMap::new();
    m.insert("a", 1);
    println!("{:?}", m);
}

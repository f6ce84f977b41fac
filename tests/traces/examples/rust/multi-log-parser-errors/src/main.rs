use std::collections::HashMap;
use std::io::{self, BufRead};

#[derive(Debug)]
struct Entry {
    level: String,
    message: String,
}

fn parse_line(line: &str) -> Option<Entry> {
    let (level, rest) = line.split_once(' ')?;
    Some(Entry { level: level.to_string(), msg: rest.to_string() })
}

fn main() {
    let stdin = io::stdin();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        if let Some(e) = parse_line(&line) {
            *counts.entry(e.level).or_insert(0) += 1;
        }
    }
    let total: usize = counts.values().sum();
    println!("{} lines, {} levels", total, count.len());
}

use std::fs;

struct Report {
    words: usize,
    unique: usize,
}

fn count_words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn main() {
    let text = fs::read_to_string("README.md").unwrap_or_default();
    let counts = count_words(&text);
    let report = Report {
        words: counts.values().sum(),
        unique_words: counts.len(),
    };
    let longest: &str = counts.keys().max_by_key(|w| w.len());
    println!("{} words, {} unique, longest: {}", report.words, report.unique, longest);
}

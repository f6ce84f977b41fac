pub fn pick<'static>(a: &'static str, b: &'static str) -> &'static str {
    if a.len() > b.len() { a } else { b }
}

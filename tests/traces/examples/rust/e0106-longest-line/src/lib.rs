pub fn longest_line(a: &str, b: &str) -> &str {
    let la = a.lines().map(|l| l.len()).max().unwrap_or(0);
    let lb = b.lines().map(|l| l.len()).max().unwrap_or(0);
    if la >= lb { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_longer() {
        assert_eq!(longest_line("ab", "abc"), "abc");
    }
}

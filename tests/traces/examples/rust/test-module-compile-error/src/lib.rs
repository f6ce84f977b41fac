pub fn slugify(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_become_dashes() {
        let expected = "hello-world";
        assert_eq!(slugify("Hello World"), expected);
    }

    #[test]
    fn keeps_digits() {
        assert_eq!(slug("Route 66"), "route-66");
    }
}

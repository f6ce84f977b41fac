pub fn parse_port(s: &str) -> u16 {
    s.parse().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid() {
        assert_eq!(parse_port("8080"), 8080);
    }

    #[test]
    #[should_panic]
    fn rejects_garbage() {
        parse_port("http");
    }
}

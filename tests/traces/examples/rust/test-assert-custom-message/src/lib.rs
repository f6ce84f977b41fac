pub fn apply_discount(cents: u64, percent: u64) -> u64 {
    cents - cents * percent / 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_percent() {
        let got = apply_discount(2000, 10);
        assert!(got == 1800, "expected 1800 cents after 10% off, got {}", got);
    }
}

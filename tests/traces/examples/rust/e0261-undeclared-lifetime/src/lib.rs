pub struct ConfigView {
    pub raw: &'a str,
}

impl ConfigView {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.raw.lines().find(|l| l.starts_with(key))
    }
}

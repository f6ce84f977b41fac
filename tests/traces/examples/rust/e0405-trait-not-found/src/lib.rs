pub struct Metric {
    pub name: String,
    pub value: f64,
}

impl Serialize for Metric {
    fn to_line(&self) -> String {
        format!("{} {}", self.name, self.value)
    }
}

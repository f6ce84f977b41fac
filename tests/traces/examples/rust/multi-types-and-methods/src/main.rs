struct Student {
    name: String,
    scores: Vec<u32>,
}

impl Student {
    fn average(&self) -> f64 {
        let sum: u32 = self.scores.iter().sum();
        sum / self.scores.len()
    }
}

fn main() {
    let s = Student { name: "Lu".into(), scores: vec![90, 75, 88] };
    let avg: u32 = s.average();
    println!("{}: {}", s.name.to_upper(), avg);
}

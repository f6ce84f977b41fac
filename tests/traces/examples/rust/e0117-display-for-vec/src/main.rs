use std::fmt;

struct Line {
    label: String,
    value: f64,
}

impl fmt::Display for Vec<Line> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for l in self {
            writeln!(f, "{:<10}{:>10.2}", l.label, l.value)?;
        }
        Ok(())
    }
}

fn main() {
    let lines = vec![Line { label: "cpu".into(), value: 0.93 }];
    println!("{}", lines);
}

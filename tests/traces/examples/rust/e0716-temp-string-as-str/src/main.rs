struct User {
    first: String,
    last: String,
}

impl User {
    fn full_name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

fn main() {
    let u = User { first: "Ana".into(), last: "Lima".into() };
    let name: &str = u.full_name().as_str();
    println!("{}", name);
}

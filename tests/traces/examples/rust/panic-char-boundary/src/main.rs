fn initial(name: &str) -> &str {
    &name[..1]
}

fn main() {
    for name in ["Ana", "Émile", "Zoë"] {
        println!("{} -> {}", name, initial(name));
    }
}

fn handle(choice: &str) {
    match choice {
        "q" => break,
        other => println!("you chose {}", other),
    }
}

fn main() {
    for c in ["a", "q"] {
        handle(c);
    }
}

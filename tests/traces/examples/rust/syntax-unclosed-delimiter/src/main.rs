fn main() {
    let items = ["open", "save", "quit"];
    for (i, item) in items.iter().enumerate() {
        if i == 0 {
            println!("> {}", item);
        } else {
            println!("  {}", item);
    }
}

pub fn print(notes: &[String]) {
    for n in notes {
        println!("- {}", n);
    }
}

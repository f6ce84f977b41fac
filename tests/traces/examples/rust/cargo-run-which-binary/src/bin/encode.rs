fn main() {
    println!("encode");
}

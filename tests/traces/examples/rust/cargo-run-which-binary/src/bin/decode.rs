fn main() {
    println!("decode");
}

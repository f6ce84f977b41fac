fn main() {
    println!("server");
}

fn main() {
    println!("{}", shared::VERSION);
}

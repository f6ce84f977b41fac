fn main() {
    for i in 1..=15 {
        println!("{}", i);
    }
}

fn main() {
    let timeout = 30;
    let total = timeout() * 1000;
    println!("{} ms", total);
}

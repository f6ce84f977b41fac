fn main() {
    let header_len: u8 = 200;
    let max: u8 = 255 + 1;
    println!("{} {}", header_len, max);
}

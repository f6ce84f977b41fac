fn main() {
    let rgb = [255u8, 128, 0];
    let alpha = rgb[3];
    println!("{}", alpha);
}

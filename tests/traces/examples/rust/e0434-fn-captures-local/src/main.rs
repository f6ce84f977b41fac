fn main() {
    let limit = 80;
    fn is_high(v: u32) -> bool {
        v > limit
    }
    let readings = [40, 85, 90];
    let high: Vec<_> = readings.iter().filter(|v| is_high(**v)).collect();
    println!("{:?}", high);
}

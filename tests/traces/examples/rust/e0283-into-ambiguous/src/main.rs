fn main() {
    let readings: Vec<u8> = vec![21, 22, 19];
    let sum = readings.iter().map(|&r| r.into()).sum::<u64>();
    let avg = sum / readings.len() as u64;
    let first = readings[0].into();
    println!("avg {} first {}", avg, first);
}

fn main() {
    let line = "10,20,30";
    let ids = line.split(',').map(|s| s.parse().unwrap()).collect();
    println!("{:?}", ids);
}

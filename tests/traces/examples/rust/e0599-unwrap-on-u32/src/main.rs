fn main() {
    let port: u32 = "8080".parse().unwrap();
    let next = port.checked_add(1).unwrap().unwrap();
    println!("{}", next);
}

fn main() {
    let mut leader = String::from("node-1");
    let current = &leader;
    leader = String::from("node-2");
    println!("old leader {} -> {}", current, leader);
}

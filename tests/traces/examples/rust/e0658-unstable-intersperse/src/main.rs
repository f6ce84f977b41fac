fn main() {
    let cols = vec!["id", "name", "email"];
    let header: String = cols.iter().copied().intersperse(",").collect();
    println!("{}", header);
}

fn main() {
    let names = vec![String::from(" Ana "), String::from("LU")];
    for n in names.iter_mut() {
        *n = n.trim().to_lowercase();
    }
    println!("{:?}", names);
}

fn main() {
    let items = vec!["a", "b", "c", "d", "e"];
    let batch_size = items.len() / 2;
    for chunk in items.chunks(*batch_size) {
        println!("{:?}", chunk);
    }
}

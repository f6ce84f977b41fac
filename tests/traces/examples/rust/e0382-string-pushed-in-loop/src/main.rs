fn main() {
    let input = "rust,cli,parser,rust";
    let mut tags: Vec<String> = Vec::new();
    let mut last = String::new();
    for raw in input.split(',') {
        let tag = raw.trim().to_lowercase();
        if tag != last {
            tags.push(tag);
        }
        last = tag;
    }
    println!("{} unique tags: {:?}", tags.len(), tags);
}

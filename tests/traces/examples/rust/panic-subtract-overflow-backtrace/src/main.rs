fn last_index(items: &[&str]) -> usize {
    items.len() - 1
}

fn main() {
    let lines: Vec<&str> = "".lines().collect();
    let i = last_index(&lines);
    println!("{}", lines[i]);
}

use std::collections::HashMap;

#[derive(Debug)]
struct Coord(i32, i32);

fn main() {
    let mut heights = HashMap::new();
    heights.insert(Coord(0, 0), 12);
    heights.insert(Coord(0, 1), 15);
    println!("{:?}", heights.get(&Coord(0, 1)));
}

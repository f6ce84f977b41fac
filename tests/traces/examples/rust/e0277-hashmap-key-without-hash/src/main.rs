use std::collections::HashSet;

#[derive(Debug, PartialEq, Clone, Copy)]
struct Pos {
    x: i32,
    y: i32,
}

fn main() {
    let mut seen = HashSet::new();
    let moves = [(0, 1), (1, 0), (0, -1)];
    let mut p = Pos { x: 0, y: 0 };
    for (dx, dy) in moves {
        p = Pos { x: p.x + dx, y: p.y + dy };
        seen.insert(p);
    }
    println!("visited {}", seen.len());
}

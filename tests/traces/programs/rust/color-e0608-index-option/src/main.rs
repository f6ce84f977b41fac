use std::collections::HashMap;

fn main() {
    let mut rows: HashMap<char, Vec<bool>> = HashMap::new();
    rows.insert('A', vec![true, false, false, true]);
    rows.insert('B', vec![false, false, true, true]);

    let wanted = ('B', 1usize);
    let row = rows.get(&wanted.0);
    if row[wanted.1] {
        println!("seat {}{} is taken", wanted.0, wanted.1 + 1);
    } else {
        println!("seat {}{} is free", wanted.0, wanted.1 + 1);
    }
}

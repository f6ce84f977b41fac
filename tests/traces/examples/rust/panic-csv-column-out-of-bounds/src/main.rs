use std::env;
use std::fs;

fn main() {
    let path = env::args().nth(1).expect("usage: csv-report <file>");
    let text = fs::read_to_string(&path).expect("cannot read input");
    let mut total = 0.0;
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let amount: f64 = cols[3].trim().parse().unwrap_or(0.0);
        total += amount;
        println!("row {}: {}", n, amount);
    }
    println!("total {:.2}", total);
}

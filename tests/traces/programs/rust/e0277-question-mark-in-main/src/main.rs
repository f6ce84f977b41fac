use std::fs;

fn main() {
    let data = fs::read_to_string("payments.csv")?;
    let total: f64 = data
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2)?.parse::<f64>().ok())
        .sum();
    println!("total paid: {total:.2}");
}

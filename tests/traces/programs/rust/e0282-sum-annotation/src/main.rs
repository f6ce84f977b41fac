fn main() {
    let prices_cents = [1299u32, 450, 2999];
    let total = prices_cents.iter().sum();
    println!("total: {:.2} EUR", total as f64 / 100.0);
}

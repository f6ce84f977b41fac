fn main() {
    let prices = ["3.50", "12,99", "0.75"];
    let total: f64 = prices.iter().map(|p| p.parse::<f64>().unwrap()).sum();
    println!("{:.2}", total);
}

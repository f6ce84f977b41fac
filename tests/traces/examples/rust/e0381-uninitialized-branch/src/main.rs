fn shipping_cost(country: &str, weight_kg: f64) -> f64 {
    let rate: f64;
    if country == "DE" {
        rate = 4.5;
    } else if country == "FR" {
        rate = 6.0;
    }
    rate * weight_kg
}

fn main() {
    println!("{:.2}", shipping_cost("IT", 2.0));
}

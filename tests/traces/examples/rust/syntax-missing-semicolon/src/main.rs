fn to_fahrenheit(c: f64) -> f64 {
    c * 9.0 / 5.0 + 32.0
}

fn main() {
    let c = 21.5
    let f = to_fahrenheit(c);
    println!("{}C = {}F", c, f);
}

#[derive(Debug)]
struct Point {
    lat: f64,
    lon: f64,
}

fn main() {
    let p = Point { lat: 52.52, lng: 13.40 };
    println!("{:?}", p);
}

#[derive(Debug, Clone, Copy)]
enum Light {
    Red,
    Yellow,
    Green,
    FlashingYellow,
}

fn wait_secs(l: Light) -> u32 {
    match l {
        Light::Red => 30,
        Light::Yellow => 3,
        Light::Green => 25,
    }
}

fn main() {
    println!("{}", wait_secs(Light::FlashingYellow));
}

#[derive(Debug, Clone, Copy)]
struct Settings {
    width: u32,
    height: u32,
    title: String,
}

fn main() {
    let s = Settings { width: 800, height: 600, title: "demo".into() };
    let t = s;
    println!("{:?} {:?}", s, t);
}

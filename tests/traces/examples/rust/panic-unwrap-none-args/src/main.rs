use std::env;

fn main() {
    let args: Vec<String> = env::args().collect();
    let width: u32 = args.get(1).unwrap().parse().unwrap();
    println!("resizing to {}px", width);
}

extern crate regex;

fn main() {
    println!("checking input");
}

struct Fib {
    a: u64,
    b: u64,
}

impl Iterator for Fib {
    type Item = u64;
}

fn main() {
    let f = Fib { a: 0, b: 1 };
    for n in f.take(5) {
        println!("{}", n);
    }
}

struct IdGen {
    next: u64,
}

fn main() {
    let mut gen = IdGen { next: 1 };
    gen.next += 1;
    println!("{}", gen.next);
}

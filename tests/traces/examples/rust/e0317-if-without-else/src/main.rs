fn discount(total: u32, member: bool) -> u32 {
    let off = if member {
        total / 10
    };
    total - off
}

fn main() {
    println!("{}", discount(200, true));
}

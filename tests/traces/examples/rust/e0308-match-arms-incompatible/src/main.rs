enum Unit {
    Bytes,
    Kilo,
    Mega,
}

fn factor(unit: Unit) -> u64 {
    let f = match unit {
        Unit::Bytes => 1,
        Unit::Kilo => 1024,
        Unit::Mega => "1048576",
    };
    f
}

fn main() {
    println!("{}", factor(Unit::Mega));
}

struct Line {
    description: &'static str,
    cents: u64,
    qty: u64,
}

fn main() {
    let lines = [
        Line { description: "Hosting (monthly)", cents: 2900, qty: 1 },
        Line { description: "Extra storage 10GB", cents: 450, qty: 3 },
    ];

    let total = 0;
    for line in &lines {
        println!("{:<20} {:>8.2}", line.description, (line.cents * line.qty) as f64 / 100.0);
        total += line.cents * line.qty;
    }
    println!("{:<20} {:>8.2}", "TOTAL", total as f64 / 100.0);
}

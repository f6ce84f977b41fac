struct Expense {
    label: &'static str,
    amount: f64,
}

fn main() {
    let expenses = vec![
        Expense { label: "rent", amount: 950.0 },
        Expense { label: "food", amount: 312.5 },
    ];
    let total: i32 = expenses.iter().map(|e| e.amount).sum();
    for e in &expenses {
        println!("{:>8} {:>8.2}", e.label, e.amount);
    }
    println!("total {}", total);
}

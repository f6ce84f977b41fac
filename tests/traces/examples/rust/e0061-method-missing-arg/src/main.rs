struct Ledger {
    balance: i64,
}

impl Ledger {
    fn transfer(&mut self, amount: i64, memo: &str) {
        self.balance -= amount;
        println!("{}: {}", memo, amount);
    }
}

fn main() {
    let mut l = Ledger { balance: 1000 };
    l.transfer(250);
    println!("{}", l.balance);
}

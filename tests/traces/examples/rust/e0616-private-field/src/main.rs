mod metrics {
    pub struct Counter {
        count: u64,
    }

    impl Counter {
        pub fn new() -> Self {
            Counter { count: 0 }
        }
        pub fn inc(&mut self) {
            self.count += 1;
        }
    }
}

fn main() {
    let mut c = metrics::Counter::new();
    c.inc();
    println!("count = {}", c.count);
}

struct Countdown {
    n: u32,
}

impl Iterator<Item = u32> for Countdown {
    fn next(&mut self) -> Option<u32> {
        if self.n == 0 {
            None
        } else {
            self.n -= 1;
            Some(self.n)
        }
    }
}

fn main() {
    for i in (Countdown { n: 3 }) {
        println!("{}", i);
    }
}

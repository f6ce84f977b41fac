mod gateway {
    pub struct Charge {
        pub cents: u64,
    }

    fn authorize(card: &str, cents: u64) -> Option<Charge> {
        if card.len() == 16 { Some(Charge { cents }) } else { None }
    }
}

fn main() {
    match gateway::authorize("4111111111111111", 1999) {
        Some(c) => println!("charged {}", c.cents),
        None => println!("declined"),
    }
}

enum Event {
    Move(i32, i32),
    Click { x: i32, y: i32 },
    Quit,
}

fn describe(e: &Event) -> String {
    match e {
        Event::Move(dx) => format!("move by {}", dx),
        Event::Click { x, y } => format!("click at {},{}", x, y),
        Event::Quit => "quit".to_string(),
    }
}

fn main() {
    println!("{}", describe(&Event::Move(1, 2)));
}

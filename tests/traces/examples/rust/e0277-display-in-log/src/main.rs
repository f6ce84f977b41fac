#[derive(Debug)]
struct User {
    id: u64,
    name: String,
}

fn log_event(event: &str, user: &User) {
    println!("[audit] {} by {}", event, user);
}

fn main() {
    let u = User { id: 42, name: "rita".into() };
    log_event("login", &u);
    println!("{}", u.id + u.name.len() as u64);
}

fn send_mail(to: &str, subject: &str, body: &str) -> bool {
    println!("to={} subject={} ({} bytes)", to, subject, body.len());
    true
}

fn main() {
    let ok = send_mail("ops@example.com", "disk full", "/var is at 97%", true);
    println!("sent: {}", ok);
}

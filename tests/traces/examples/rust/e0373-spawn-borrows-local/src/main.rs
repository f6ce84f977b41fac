use std::thread;

fn main() {
    let host = String::from("192.168.1.10");
    let mut handles = Vec::new();
    for port in [22u16, 80, 443] {
        handles.push(thread::spawn(|| {
            println!("checking {}:{}", host, port);
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
}

use std::thread;

fn main() {
    let lines = vec![String::from("GET /health 200"), String::from("POST /login 401")];
    let first = &lines[0];
    let handle = thread::spawn(move || {
        for l in &lines {
            println!("ship: {}", l);
        }
    });
    println!("first line was {}", first);
    handle.join().unwrap();
}

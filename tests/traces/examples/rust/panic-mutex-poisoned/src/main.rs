use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let hits = Arc::new(Mutex::new(Vec::<u32>::new()));
    let h2 = Arc::clone(&hits);
    let t = thread::spawn(move || {
        let mut v = h2.lock().unwrap();
        v.push(1);
        let first = v[5];
        println!("{}", first);
    });
    let _ = t.join();
    let v = hits.lock().unwrap();
    println!("{} hits", v.len());
}

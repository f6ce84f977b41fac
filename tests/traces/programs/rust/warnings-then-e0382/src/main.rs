use std::collections::HashMap;
use std::thread;

fn resize(path: &str, width: u32) -> String {
    format!("{path} -> {width}px")
}

fn main() {
    let jobs = vec!["img/hero.jpg".to_string(), "img/team.png".to_string()];
    let widths = [320, 640, 1280];
    let verbose = true;

    let mut handles = Vec::new();
    for width in widths {
        handles.push(thread::spawn(move || {
            for job in jobs {
                println!("{}", resize(&job, width));
            }
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
}

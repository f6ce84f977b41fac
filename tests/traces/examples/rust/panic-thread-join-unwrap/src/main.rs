use std::thread;

fn checksum(chunk: &[u8]) -> u32 {
    if chunk.is_empty() {
        panic!("empty chunk");
    }
    chunk.iter().map(|&b| b as u32).sum()
}

fn main() {
    let data: Vec<Vec<u8>> = vec![vec![1, 2, 3], vec![], vec![9]];
    let handles: Vec<_> = data
        .into_iter()
        .map(|chunk| thread::spawn(move || checksum(&chunk)))
        .collect();
    for h in handles {
        println!("{}", h.join().unwrap());
    }
}

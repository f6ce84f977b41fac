fn average_ms(samples: &[u64]) -> u64 {
    let total: u64 = samples.iter().sum();
    total / samples.len() as u64
}

fn main() {
    let samples: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    println!("avg latency {} ms", average_ms(&samples));
}

#[derive(Debug, Clone)]
struct Job {
    id: u32,
    retries: u8,
    failed: bool,
}

fn main() {
    let mut queue = vec![
        Job { id: 1, retries: 0, failed: true },
        Job { id: 2, retries: 3, failed: false },
    ];
    for job in &queue {
        if job.failed && job.retries < 3 {
            queue.push(Job { id: job.id, retries: job.retries + 1, failed: false });
        }
    }
    println!("{:?}", queue);
}

use std::thread;

pub fn retry<F: FnMut() -> bool>(mut op: F, attempts: u32, pause: Duration) -> bool {
    for _ in 0..attempts {
        if op() {
            return true;
        }
        thread::sleep(pause);
    }
    false
}

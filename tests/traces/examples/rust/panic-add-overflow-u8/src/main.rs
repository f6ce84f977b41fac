fn main() {
    let mut attempts: u8 = 250;
    loop {
        attempts += 1;
        if attempts % 100 == 0 {
            println!("still retrying ({} attempts)", attempts);
        }
    }
}

fn preview(body: &[u8], n: usize) -> &[u8] {
    &body[..n]
}

fn main() {
    let body = b"OK\r\n";
    let head = preview(body, 16);
    println!("{:?}", String::from_utf8_lossy(head));
}

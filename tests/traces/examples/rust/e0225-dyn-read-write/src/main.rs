use std::io::{Read, Write};
use std::net::TcpStream;

fn open() -> Box<dyn Read + Write> {
    Box::new(TcpStream::connect("127.0.0.1:9000").unwrap())
}

fn main() {
    let mut s = open();
    s.write_all(b"PING\r\n").unwrap();
}

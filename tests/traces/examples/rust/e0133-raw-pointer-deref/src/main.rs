struct Ring {
    buf: [u8; 8],
    head: usize,
}

impl Ring {
    fn peek_ptr(&self) -> *const u8 {
        &self.buf[self.head]
    }
}

fn main() {
    let r = Ring { buf: [7; 8], head: 3 };
    let p = r.peek_ptr();
    let v = *p;
    println!("{}", v);
}

unsafe extern "C" {
    fn crc32_update(crc: u32, data: *const u8, len: usize) -> u32;
}

fn main() {
    let data = b"hello";
    let crc = unsafe { crc32_update(0, data.as_ptr(), data.len()) };
    println!("{:08x}", crc);
}

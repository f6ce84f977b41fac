const PAGE: u32 = 4096;
const PAGES: u32 = 1_048_576;
const POOL_BYTES: u32 = PAGE * PAGES;

fn main() {
    let pool = vec![0u8; POOL_BYTES as usize];
    println!("{}", pool.len());
}

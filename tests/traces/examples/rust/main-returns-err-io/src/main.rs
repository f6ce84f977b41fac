use std::error::Error;
use std::fs;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut count = 0;
    for entry in fs::read_dir(&dir)? {
        let entry = entry?;
        if entry.path().extension().map_or(false, |e| e == "tar") {
            count += 1;
        }
    }
    println!("{} archives", count);
    Ok(())
}

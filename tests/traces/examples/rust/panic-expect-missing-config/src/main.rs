use std::fs::File;
use std::io::Read;

fn load_config(path: &str) -> String {
    let mut f = File::open(path).expect("failed to open /etc/notifier/config.toml");
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

fn main() {
    let cfg = load_config("/etc/notifier/config.toml");
    println!("{} bytes of config", cfg.len());
}

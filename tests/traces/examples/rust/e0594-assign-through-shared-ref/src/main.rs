struct Config {
    retries: u32,
    backoff_ms: u64,
}

fn reset(cfg: &Config) {
    cfg.retries = 0;
}

fn main() {
    let mut cfg = Config { retries: 5, backoff_ms: 200 };
    reset(&cfg);
    cfg.backoff_ms *= 2;
    println!("{} {}", cfg.retries, cfg.backoff_ms);
}

struct RequestOptions {
    url: String,
    timeout_ms: u64,
    retries: u8,
    follow_redirects: bool,
}

fn main() {
    let opts = RequestOptions {
        url: "https://example.com".into(),
        timeout_ms: 5000,
    };
    println!("{} {}", opts.url, opts.timeout_ms);
}

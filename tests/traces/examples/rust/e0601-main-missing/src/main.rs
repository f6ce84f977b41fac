pub fn health() -> &'static str {
    "ok"
}

pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

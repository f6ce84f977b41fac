pub struct Pool {
    url: String,
}

const DEFAULT_TIMEOUT: u64 = 30;

impl Pool {
    pub fn connect(url: &str) -> Pool {
        Pool { url: url.to_string() }
    }

    pub fn check(&self, user: &str, _password: &str) -> bool {
        !self.url.is_empty() && !user.is_empty()
    }
}

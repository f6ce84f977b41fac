pub struct Session {
    token: String,
    user: Option<String>,
}

impl Session {
    pub fn user_name(&self) -> String {
        match self.user {
            Some(name) => name,
            None => String::from("anonymous"),
        }
    }

    pub fn token(&self) -> &str {
        &self.token
    }
}

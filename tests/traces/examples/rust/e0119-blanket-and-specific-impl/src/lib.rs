use std::fmt::Debug;

pub trait Describe {
    fn describe(&self) -> String;
}

impl<T: Debug> Describe for T {
    fn describe(&self) -> String {
        format!("{:?}", self)
    }
}

#[derive(Debug)]
pub struct Server {
    pub host: String,
}

impl Describe for Server {
    fn describe(&self) -> String {
        format!("server {}", self.host)
    }
}

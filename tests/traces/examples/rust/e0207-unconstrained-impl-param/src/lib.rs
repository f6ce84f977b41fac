pub struct Repository {
    rows: Vec<String>,
}

impl<T: Default> Repository {
    pub fn new() -> Self {
        Repository { rows: Vec::new() }
    }

    pub fn empty_value() -> T {
        T::default()
    }
}

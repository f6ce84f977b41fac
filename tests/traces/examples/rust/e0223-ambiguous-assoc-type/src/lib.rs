pub trait Store {
    type Key;
    fn get(&self, key: &Self::Key) -> Option<String>;
}

pub struct MemStore;

impl MemStore {
    pub fn default_key() -> Store::Key {
        todo!()
    }
}

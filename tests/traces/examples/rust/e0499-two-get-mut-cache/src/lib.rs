use std::collections::HashMap;

pub struct Entry {
    pub value: String,
    pub hits: u32,
}

pub struct Cache {
    entries: HashMap<String, Entry>,
}

impl Cache {
    pub fn new() -> Self {
        Cache { entries: HashMap::new() }
    }

    /// Move the hit count of `from` over to `to`.
    pub fn merge_hits(&mut self, from: &str, to: &str) {
        let src = self.entries.get_mut(from).expect("missing source");
        let dst = self.entries.get_mut(to).expect("missing target");
        dst.hits += src.hits;
        src.hits = 0;
    }
}

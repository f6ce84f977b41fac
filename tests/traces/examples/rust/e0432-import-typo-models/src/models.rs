pub struct Item {
    pub sku: String,
    pub qty: u32,
}

pub struct Warehouse {
    pub name: String,
}

pub struct Product {
    pub id: u32,
    pub name: String,
}

pub struct Cart {
    pub items: Vec<Product>,
}

pub struct Product {
    pub id: u32,
    pub price_cents: u64,
}

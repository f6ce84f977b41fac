mod models;

use crate::models::{Item, Warehose};

fn main() {
    let item = Item { sku: "A-1".into(), qty: 3 };
    println!("{} x{}", item.sku, item.qty);
}

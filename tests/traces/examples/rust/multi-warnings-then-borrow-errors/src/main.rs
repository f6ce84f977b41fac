use std::collections::HashMap;
use std::fmt::Write;

#[derive(Debug)]
struct Item {
    sku: String,
    qty: u32,
}

fn restock(items: &mut Vec<Item>) {
    let low: Vec<&Item> = items.iter().filter(|i| i.qty < 5).collect();
    for item in &low {
        items.push(Item { sku: format!("{}-R", item.sku), qty: 10 });
    }
}

fn archive(items: Vec<Item>) -> usize {
    items.len()
}

fn main() {
    let debug = true;
    let mut items = vec![Item { sku: "A1".into(), qty: 2 }, Item { sku: "B2".into(), qty: 9 }];
    restock(&mut items);
    let n = archive(items);
    println!("archived {} items, first was {:?}", n, items.first());
}

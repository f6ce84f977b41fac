use std::collections::HashMap;

fn resolve(cache: &mut HashMap<String, String>, host: &str) -> String {
    match cache.get(host) {
        Some(ip) => {
            cache.insert(format!("last:{}", host), ip.to_string());
            ip.clone()
        }
        None => {
            let ip = String::from("10.0.0.7");
            cache.insert(host.to_string(), ip.clone());
            ip
        }
    }
}

fn main() {
    let mut cache = HashMap::new();
    println!("{}", resolve(&mut cache, "db.internal"));
}

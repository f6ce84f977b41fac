fn endpoint(base: &str, path: &str) -> String {
    let url = base + "/" + path;
    url
}

fn main() {
    println!("{}", endpoint("https://api.example.com", "v1/users"));
}

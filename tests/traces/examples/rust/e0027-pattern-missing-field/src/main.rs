struct Contact {
    name: String,
    email: String,
    phone: Option<String>,
}

fn main() {
    let c = Contact { name: "Tom".into(), email: "tom@example.com".into(), phone: None };
    let Contact { name, email } = c;
    println!("{} <{}>", name, email);
}

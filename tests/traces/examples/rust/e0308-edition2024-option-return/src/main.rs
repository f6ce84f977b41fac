struct User {
    id: u32,
    name: String,
}

fn find(users: &[User], id: u32) -> Option<&User> {
    for u in users {
        if u.id == id {
            return u;
        }
    }
    None
}

fn main() {
    let users = vec![User { id: 1, name: "ana".into() }];
    if let Some(u) = find(&users, 1) {
        println!("{}", u.name);
    }
}

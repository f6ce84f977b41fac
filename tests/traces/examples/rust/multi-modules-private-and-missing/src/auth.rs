use crate::db::Pool;

pub struct Session {
    token: String,
}

pub fn login(pool: &Pool, user: &str, password: &str) -> Session {
    let ok = pool.check(user, password);
    Session { token: if ok { format!("t-{}", user) } else { String::new() } }
}

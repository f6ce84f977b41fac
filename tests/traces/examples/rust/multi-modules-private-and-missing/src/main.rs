mod auth;
mod db;

use auth::{login, Session};

fn main() {
    let pool = db::Pool::connect("postgres://localhost/app");
    let s: Session = login(&pool, "kai", "hunter2");
    println!("token {}", s.token);
    println!("{}", db::DEFAULT_TIMEOUT);
}

struct Response {
    status: u16,
    body: String,
}

fn fetch() -> Response {
    Response { status: 503, body: String::new() }
}

fn main() {
    let r = fetch();
    if r.status_code >= 500 {
        println!("server error ({} bytes)", r.body.len());
    }
}

struct Request {
    method: String,
    path: String,
}

struct Response {
    status: u16,
    body: String,
}

fn handle(req: &Request) -> Response {
    if req.method != "GET" {
        return "405 Method Not Allowed";
    }
    match req.path.as_str() {
        "/" => Response { status: 200, body: "hello".into() },
        _ => Response { status: 404, body: "not found".into() },
    }
}

fn main() {
    let req = Request { method: "POST".into(), path: "/".into() };
    let res = handle(&req);
    println!("{} {}", res.status, res.body);
}

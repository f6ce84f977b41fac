#[derive(Debug, PartialEq)]
enum Status {
    Pending,
    Active,
    Cancelled,
}

fn next(s: Status) -> Status {
    match s {
        Status::Pending => Status::Actve,
        other => other,
    }
}

fn main() {
    println!("{:?}", next(Status::Pending));
    println!("{:?}", Status::Cancelled);
}

use std::net::SocketAddr;

#[derive(Debug)]
struct Config {
    root: String,
    addr: SocketAddr,
    verbose: bool,
}

fn load_config() -> Config {
    Config {
        root: String::from("./public"),
        addr: "127.0.0.1:8080".parse().unwrap(),
        verbose: true,
    }
}

fn serve(config: Config) {
    println!("serving {} on {}", config.root, config.addr);
}

fn main() {
    let config = load_config();
    serve(config);
    if config.verbose {
        println!("config: {:?}", config);
    }
}

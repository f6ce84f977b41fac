enum Command {
    Echo(String),
    Upper(String),
    Quit,
}

fn run(cmd: Command) {
    match cmd {
        Command::Echo(s) => println!("{}", s),
        Command::Upper(s) => println!("{}", s.to_uppercase()),
        Command::Quit => {}
    }
}

fn main() {
    let cmd = Command::Echo("hi".into());
    run(cmd);
    if let Command::Quit = cmd {
        return;
    }
}

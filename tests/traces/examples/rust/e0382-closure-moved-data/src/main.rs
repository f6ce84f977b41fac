fn main() {
    let labels = vec![String::from("host=a"), String::from("env=prod")];
    let report = move || {
        for l in &labels {
            println!("{}", l);
        }
    };
    report();
    println!("{} labels", labels.len());
}

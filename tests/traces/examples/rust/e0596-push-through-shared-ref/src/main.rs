fn add_task(tasks: &Vec<String>, title: &str) {
    tasks.push(title.to_string());
}

fn main() {
    let mut tasks = Vec::new();
    add_task(&tasks, "write report");
    add_task(&tasks, "review PR");
    println!("{} tasks", tasks.len());
}

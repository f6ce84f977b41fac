struct Row<'a> {
    fields: Vec<&'a str>,
}

fn parse_row(line: &str) -> Row<'_> {
    Row { fields: line.split(',').collect() }
}

fn main() {
    let header;
    {
        let text = String::from("id,name,email\n1,ana,ana@example.com\n");
        header = parse_row(text.lines().next().unwrap());
    }
    println!("{} columns", header.fields.len());
}

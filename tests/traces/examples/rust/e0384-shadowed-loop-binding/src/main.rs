fn main() {
    let doc = "# Title\n## Install\ntext\n## Usage\n";
    for line in doc.lines() {
        if line.starts_with('#') {
            line = line.trim_start_matches('#');
            println!("heading: {}", line.trim());
        }
    }
}

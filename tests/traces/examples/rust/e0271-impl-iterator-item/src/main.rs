fn ids(csv: &str) -> impl Iterator<Item = u32> + '_ {
    csv.split(',')
}

fn main() {
    let total: u32 = ids("1,2,3").sum();
    println!("{}", total);
}

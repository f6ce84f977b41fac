fn main() {
    let temps = [18, 21, 35, 19];
    let mut hot = None;
    temps.iter().for_each(|t| {
        if *t > 30 {
            hot = Some(*t);
            break;
        }
    });
    println!("{:?}", hot);
}

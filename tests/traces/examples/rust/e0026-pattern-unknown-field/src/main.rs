struct Rect {
    width: u32,
    height: u32,
}

fn area(r: &Rect) -> u32 {
    let Rect { width, hight } = r;
    width * hight
}

fn main() {
    println!("{}", area(&Rect { width: 3, height: 4 }));
}

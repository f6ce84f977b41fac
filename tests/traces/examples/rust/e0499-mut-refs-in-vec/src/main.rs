struct Frame {
    pixels: Vec<u8>,
}

fn main() {
    let mut frame = Frame { pixels: vec![0; 16] };
    let mut writers: Vec<&mut Frame> = Vec::new();
    for _ in 0..2 {
        writers.push(&mut frame);
    }
    for w in writers.iter_mut() {
        w.pixels[0] = 255;
    }
    println!("{}", frame.pixels[0]);
}

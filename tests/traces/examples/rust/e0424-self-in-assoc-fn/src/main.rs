struct Sensor {
    offset: f32,
}

impl Sensor {
    fn calibrated(raw: f32) -> f32 {
        raw + self.offset
    }
}

fn main() {
    let s = Sensor { offset: -0.5 };
    println!("{}", Sensor::calibrated(21.0) + s.offset);
}

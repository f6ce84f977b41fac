//! Small geometry helpers.
#![deny(missing_docs)]

/// A point in 2D.
pub struct Point {
    /// x coordinate
    pub x: f64,
    pub y: f64,
}

pub fn distance(a: &Point, b: &Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

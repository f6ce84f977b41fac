pub fn merge<'a, 'a>(left: &'a [i32], right: &'a [i32]) -> Vec<i32> {
    let mut out = left.to_vec();
    out.extend_from_slice(right);
    out.sort();
    out
}

pub fn first_two<I: Iterator>(mut it: I) -> Option<(I::Itme, I::Item)> {
    let a = it.next()?;
    let b = it.next()?;
    Some((a, b))
}

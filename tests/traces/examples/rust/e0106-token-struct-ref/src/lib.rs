#[derive(Debug)]
pub enum Kind {
    Ident,
    Number,
    Symbol,
}

#[derive(Debug)]
pub struct Token {
    pub kind: Kind,
    pub text: &str,
}

pub fn tokenize(src: &str) -> Vec<Token> {
    src.split_whitespace()
        .map(|w| Token {
            kind: if w.chars().all(|c| c.is_ascii_digit()) { Kind::Number } else { Kind::Ident },
            text: w,
        })
        .collect()
}

/// Implementors promise the buffer stays valid while the host holds it.
pub unsafe trait Plugin {
    fn name(&self) -> &str;
}

pub struct Echo;

impl Plugin for Echo {
    fn name(&self) -> &str {
        "echo"
    }
}

mod storage;
mod render;

fn main() {
    let notes = storage::load();
    render::print(&notes);
}

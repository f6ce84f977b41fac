use std::cell::RefCell;
use std::rc::Rc;

struct Bus {
    handlers: Vec<Box<dyn Fn(&str)>>,
    log: Vec<String>,
}

fn main() {
    let bus = Rc::new(RefCell::new(Bus { handlers: Vec::new(), log: Vec::new() }));
    let b2 = Rc::clone(&bus);
    bus.borrow_mut().handlers.push(Box::new(move |ev| {
        b2.borrow_mut().log.push(ev.to_string());
    }));
    let bus_ref = bus.borrow();
    for h in &bus_ref.handlers {
        h("started");
    }
}

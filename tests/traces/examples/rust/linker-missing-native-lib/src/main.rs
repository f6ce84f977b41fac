use std::os::raw::c_int;

#[link(name = "zmq")]
unsafe extern "C" {
    fn zmq_version(major: *mut c_int, minor: *mut c_int, patch: *mut c_int);
}

fn main() {
    let (mut a, mut b, mut c) = (0, 0, 0);
    unsafe { zmq_version(&mut a, &mut b, &mut c) };
    println!("libzmq {}.{}.{}", a, b, c);
}

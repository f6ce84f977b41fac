struct Song {
    title: String,
    secs: u32,
}

fn main() {
    let songs = vec![
        Song { title: "Intro".into(), secs: 62 },
        Song { title: "Theme".into(), secs: 241 },
    ];
    let first: String = songs[0].title;
    println!("now playing {} ({} songs)", first, songs.len());
    println!("{}", songs[1].secs);
}

struct Node {
    children: Vec<usize>,
}

fn depth(nodes: &[Node], i: usize) -> usize {
    1 + nodes[i].children.iter().map(|&c| depth(nodes, c)).max().unwrap_or(0)
}

fn main() {
    // node 2 points back to node 0: a cycle
    let nodes = vec![
        Node { children: vec![1] },
        Node { children: vec![2] },
        Node { children: vec![0] },
    ];
    println!("depth {}", depth(&nodes, 0));
}

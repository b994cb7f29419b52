//! Graph pages (`Directory.fromGraph`): any text is refused with an error or imports; an
//! imported world that loads is the same directory as its `fromJSON` twin.

use guestpass::directory::Directory;
use guestpass::graph::{world_from_graph, GraphInput};

/// Runs one input.
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(input) = GraphInput::from_json(text) else {
        return;
    };
    let Ok(world) = world_from_graph(&input) else {
        return;
    };
    let Ok(dir) = Directory::from_world(world.clone()) else {
        return;
    };
    let json = serde_json::to_string(&world).expect("an imported world writes JSON");
    let twin = Directory::from_json_str(&json).expect("the imported world loads from JSON");
    assert_eq!(
        twin.to_world(),
        dir.to_world(),
        "fromGraph and fromJSON differ"
    );
    let graph = Directory::from_graph(&input).expect("from_graph agrees with from_world");
    assert_eq!(graph.to_world(), dir.to_world());
}

//! World JSON (`Directory.fromJSON`): any text is refused with an error or loads; a
//! loaded directory writes canonical JSON and a snapshot that both load back to the same
//! directory, and its people can be signed in and searched without a panic.

use guestpass::directory::Directory;

/// Runs one input.
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(dir) = Directory::from_json_str(text) else {
        return;
    };
    let world = dir.to_world();
    let json = dir
        .to_json_string()
        .expect("a loaded directory writes JSON");
    let again = Directory::from_json_str(&json).expect("canonical JSON loads");
    assert_eq!(again.to_world(), world, "JSON round trip");
    let bytes = dir
        .to_bytes()
        .expect("a loaded directory writes a snapshot");
    let back = Directory::from_bytes(&bytes).expect("its own snapshot loads");
    assert_eq!(back.to_world(), world, "snapshot round trip");

    let _ = dir.stats();
    for user in world.users.iter().take(4) {
        if let Ok(session) = dir.sign_in(&user.tenant_id, &user.id) {
            let _ = session.features(&dir);
            let query: String = user.display_name.chars().take(3).collect();
            if let Ok(found) = session.search(&dir, &query, &Default::default()) {
                for item in &found.items {
                    let tenant = dir.user(&item.id).map(|u| u.tenant_id.as_str());
                    assert_eq!(
                        tenant,
                        Some(user.tenant_id.as_str()),
                        "search leaks a tenant"
                    );
                }
            }
            for flow in world.flows.iter().take(4) {
                let _ = session.allowed_actions(&dir, &flow.id);
            }
            let _ = session.my_apps(&dir);
        }
    }
}

//! Who may import whom inside the core crate (ARCHITECTURE.md, "Who may import whom").
//!
//! The map is only worth reading if it stays true, so this test reads every file under
//! `src/`, collects the top-level modules it names (`crate::directory::…`), and fails on
//! an import the table below does not allow. Because every module may import only
//! modules of lower layers, the table also rules out import cycles between modules, but
//! for the known debts listed in `DEBTS`, each with its way out.
//! Test modules (`#[cfg(test)] mod …` and below) are not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first; a module may import any module of a lower layer, and the
/// modules its own row names (`"module: allowed peers"`).
const LAYERS: &[&[&str]] = &[
    // foundations: plain values, encodings and bounds
    &["order", "error", "hash", "varint"],
    &["limits", "timestamp", "json_object", "json_path", "binary"],
    // the world JSON's types, then plain-record search over them
    &["model"],
    &["search", "clouds"],
    // the directory and its bytes
    &["directory"],
    &["snapshot"],
    // reading what services answer; the rules every answer rests on
    &["graph", "b2b"],
    &["sources", "sharing", "approvals", "groups"],
    // answers: one person in one tenant, and what their browser receives
    &["session"],
    &["view"],
];

/// Same-layer imports that are allowed (importer, imported).
const PEERS: &[(&str, &str)] = &[("sources", "graph"), ("timestamp", "limits")];

/// Imports against the layers that are known debts, each with the way out. Add none
/// without one; remove an entry when its way out lands (the test then keeps it out).
const DEBTS: &[(&str, &str, &str)] = &[];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`src/directory/table.rs` → `directory`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    Some(name.trim_end_matches(".rs").to_string())
}

/// The top-level modules named as `crate::<name>` in the non-test, non-comment code of `text`.
fn imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map_or("", |l| l.trim_start());
        if line.trim() == "#[cfg(test)]" && next.starts_with("mod ") {
            break;
        }
        let code = line.split("//").next().unwrap_or("");
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `crate::objects_only!`: an exported macro, named at the crate root; it
            // counts as an import of the module that defines it.
            let is_macro = code[at + 7 + name.len()..].starts_with('!');
            found.insert(if is_macro { format!("{name}!") } else { name });
        }
    }
    found
}

/// The module defining each `macro_rules!` of the crate (exported ones are named at the
/// crate root, `crate::objects_only!`, wherever they are defined).
fn exported_macros(src: &Path, files: &[PathBuf]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for file in files {
        let (Some(module), Ok(text)) = (module_of(src, file), fs::read_to_string(file)) else {
            continue;
        };
        for (at, _) in text.match_indices("macro_rules! ") {
            let name: String = text[at + 13..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.insert(name, module.clone());
        }
    }
    out
}

#[test]
fn every_core_import_follows_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let macros = exported_macros(&src, &files);
    let mut edges: BTreeMap<(String, String), PathBuf> = BTreeMap::new();
    for file in &files {
        let Some(from) = module_of(&src, file) else {
            continue;
        };
        let text = fs::read_to_string(file).unwrap();
        for to in imports(&text) {
            let to = match to.strip_suffix('!') {
                Some(name) => macros.get(name).cloned().unwrap_or(to),
                None => to,
            };
            if to != from && !to.is_empty() {
                edges
                    .entry((from.clone(), to))
                    .or_insert_with(|| file.clone());
            }
        }
    }
    let mut wrong = Vec::new();
    for ((from, to), file) in &edges {
        if from == "lib" {
            continue;
        }
        let (Some(f), Some(t)) = (layer_of(from), layer_of(to)) else {
            wrong.push(format!(
                "{from} -> {to} ({}): a module the table does not place; add it to LAYERS",
                file.display()
            ));
            continue;
        };
        let peer = PEERS.contains(&(from.as_str(), to.as_str()));
        let debt = DEBTS.iter().any(|(a, b, _)| *a == from && *b == to);
        if (t > f || (t == f && !peer)) && !debt {
            wrong.push(format!(
                "{from} -> {to} ({}): {from} may not import {to}",
                file.display()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against ARCHITECTURE.md's layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_wasm_boundary_is_named_only_by_its_own_crate() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for name in ["wasm_bindgen", "js_sys"] {
            assert!(
                !text.contains(name),
                "{} names {name}: the core holds no JavaScript boundary",
                file.display()
            );
        }
    }
}

#[test]
fn every_listed_debt_is_still_owed() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for (from, to, _) in DEBTS {
        let owed = files.iter().any(|file| {
            module_of(&src, file).as_deref() == Some(*from)
                && imports(&fs::read_to_string(file).unwrap()).contains(*to)
        });
        assert!(
            owed,
            "{from} no longer imports {to}: remove the entry from DEBTS"
        );
    }
}

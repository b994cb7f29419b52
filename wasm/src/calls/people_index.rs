//! The functions the glue exports for `PeopleIndex` (pkg-template/people-index.ts): each
//! looks the index up by its handle (`objects.rs`) and calls the method of
//! [`JsPeopleIndex`].

use super::super::error::to_js;
use super::super::objects::{self, Object};
use super::super::people_index::JsPeopleIndex;
use guestpass::error::Error;
use std::cell::{RefCell, RefMut};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The index a handle names, borrowed for a change.
fn index_mut<'a>(
    index: &'a Rc<RefCell<JsPeopleIndex>>,
) -> Result<RefMut<'a, JsPeopleIndex>, JsValue> {
    index.try_borrow_mut().map_err(|_| {
        to_js(&Error::invalid_input(
            "the people index is busy with another call; call it again after that one returns",
        ))
    })
}

/// `new PeopleIndex()`: an empty index's handle.
#[wasm_bindgen(js_name = peopleIndexNew)]
pub fn people_index_new() -> Result<f64, JsValue> {
    objects::insert(Object::PeopleIndex(Rc::new(RefCell::new(
        JsPeopleIndex::new(),
    ))))
}

/// Part of `PeopleIndex.upsert`: a chunk of packed records; their keys.
#[wasm_bindgen(js_name = peopleIndexAdd)]
pub fn people_index_add(index: f64, packed: &[u8], expected: u32) -> Result<Vec<u32>, JsValue> {
    let index = objects::people_index(index, "upsert()")?;
    let result = index_mut(&index)?.add(packed, expected);
    result
}

/// Part of `PeopleIndex.upsert`: makes the load searchable.
#[wasm_bindgen(js_name = peopleIndexCommit)]
pub fn people_index_commit(index: f64) -> Result<(), JsValue> {
    let index = objects::people_index(index, "upsert()")?;
    index_mut(&index)?.commit();
    Ok(())
}

/// Part of `PeopleIndex.upsert`: drops a refused load.
#[wasm_bindgen(js_name = peopleIndexRollback)]
pub fn people_index_rollback(index: f64) -> Result<(), JsValue> {
    let index = objects::people_index(index, "upsert()")?;
    index_mut(&index)?.rollback();
    Ok(())
}

/// `PeopleIndex.remove`: the removed record's key.
#[wasm_bindgen(js_name = peopleIndexRemove)]
pub fn people_index_remove(index: f64, id: JsValue) -> Result<Option<u32>, JsValue> {
    let index = objects::people_index(index, "remove()")?;
    let result = index_mut(&index)?.remove(id);
    result
}

/// `PeopleIndex.get`: the key of an id.
#[wasm_bindgen(js_name = peopleIndexKey)]
pub fn people_index_key(index: f64, id: JsValue) -> Result<Option<u32>, JsValue> {
    let index = objects::people_index(index, "get()")?;
    let result = index_mut(&index)?.key(id);
    result
}

/// `PeopleIndex.size`.
#[wasm_bindgen(js_name = peopleIndexSize)]
pub fn people_index_size(index: f64) -> Result<u32, JsValue> {
    let index = objects::people_index(index, "size")?;
    let size = index_mut(&index)?.size();
    Ok(size)
}

/// `PeopleIndex.heapBytes`.
#[wasm_bindgen(js_name = peopleIndexHeapBytes)]
pub fn people_index_heap_bytes(index: f64) -> Result<f64, JsValue> {
    let index = objects::people_index(index, "heapBytes()")?;
    let bytes = index_mut(&index)?.heap_bytes();
    Ok(bytes)
}

/// `PeopleIndex.search`: the keys of the best matches.
#[wasm_bindgen(js_name = peopleIndexSearch)]
pub fn people_index_search(
    index: f64,
    query: &str,
    limit: u32,
    user_type: u32,
    exclude: &str,
) -> Result<Vec<u32>, JsValue> {
    let index = objects::people_index(index, "search()")?;
    let result = index_mut(&index)?.search(query, limit, user_type, exclude);
    result
}

/// Part of `PeopleIndex.search`: the highlights of the records it found.
#[wasm_bindgen(js_name = peopleIndexHighlight)]
pub fn people_index_highlight(index: f64, query: &str, packed: &[u8]) -> Result<Vec<u32>, JsValue> {
    let index = objects::people_index(index, "search()")?;
    let result = index_mut(&index)?.highlight(query, packed);
    result
}

//! What a session keeps between flow checks: the person (per directory version) and the
//! JavaScript arrays of their group chains (`via`), copied into each answer.

use guestpass::sharing::{Person, Via};
use js_sys::Array;
use wasm_bindgen::JsValue;

/// The person a session checks flows for, and their `via` chains as JavaScript arrays.
#[derive(Default)]
pub struct FlowCache {
    /// The person, current for the directory version they were read at.
    pub person: Option<Person>,
    via_version: Option<u64>,
    via: Vec<Option<Array>>,
}

impl FlowCache {
    /// The JavaScript array of the chain `via` stands for (`None` for a direct role).
    pub fn via(&mut self, via: Via) -> Option<&Array> {
        let Via::Groups(index) = via else {
            return None;
        };
        let person = self.person.as_ref()?;
        if self.via_version != Some(person.version()) {
            self.via.clear();
            self.via_version = Some(person.version());
        }
        let index = index as usize;
        if self.via.len() <= index {
            self.via.resize(index + 1, None);
        }
        let slot = self.via.get_mut(index)?;
        if slot.is_none() {
            let chain = Array::new();
            for group in person.path(index as u32) {
                chain.push(&JsValue::from_str(group));
            }
            *slot = Some(chain);
        }
        slot.as_ref()
    }
}

//! The shared parts a directory has written, kept until it changes: the next person of
//! the same audience in the tenant costs only their personal part.

use super::Audience;
use std::sync::{Arc, Mutex};

/// A shared part and its name.
#[derive(Debug, Clone)]
pub struct SharedBytes {
    /// The framed bytes.
    pub bytes: Arc<Vec<u8>>,
    /// Their SHA-256.
    pub hash: [u8; 32],
}

struct Entry {
    version: u64,
    tenant_id: String,
    audience: Audience,
    shared: SharedBytes,
}

/// Shared parts by (directory version, tenant, audience). A clone starts empty (it is a
/// cache), and an entry of an older version is never returned: any change drops them all.
#[derive(Default)]
pub struct SharedCache(Mutex<Vec<Entry>>);

impl Clone for SharedCache {
    fn clone(&self) -> Self {
        SharedCache::default()
    }
}

impl std::fmt::Debug for SharedCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0.lock().map_or(0, |v| v.len());
        write!(f, "SharedCache({n} parts)")
    }
}

impl SharedCache {
    /// The shared part of `audience` in `tenant_id` at `version`, written by `make` when
    /// the cache does not hold it.
    pub fn get_or_make(
        &self,
        version: u64,
        tenant_id: &str,
        audience: Audience,
        make: impl FnOnce() -> Vec<u8>,
    ) -> SharedBytes {
        if let Ok(entries) = self.0.lock() {
            let hit = entries.iter().find(|e| {
                e.version == version && e.audience == audience && e.tenant_id == tenant_id
            });
            if let Some(e) = hit {
                return e.shared.clone();
            }
        }
        let bytes = make();
        let shared = SharedBytes {
            hash: super::shared::hash(&bytes),
            bytes: Arc::new(bytes),
        };
        if let Ok(mut entries) = self.0.lock() {
            entries.retain(|e| e.version == version);
            entries.push(Entry {
                version,
                tenant_id: tenant_id.to_string(),
                audience,
                shared: shared.clone(),
            });
        }
        shared
    }
}

//! The dataset from the sample's pages, as `benches/sources-load.mjs` grows it:
//! each environment's flows and approvals copied under new ids (`<id>~<n>`, with their
//! permissions, requests and responses) up to `flows` and `approvals` per person, split
//! over the environments by their share.

use guestpass::sources::SourcesInput;
use serde_json::{json, Value};
use std::collections::HashMap;

/// The rows of every page.
fn values(pages: &[Value]) -> Vec<Value> {
    pages
        .iter()
        .flat_map(|p| p["value"].as_array().cloned().unwrap_or_default())
        .collect()
}

/// `row` with the string `fields` suffixed `~n`.
fn renamed(row: &Value, fields: &[&str], n: usize) -> Value {
    let mut out = row.clone();
    for f in fields {
        if let Some(s) = out[*f].as_str() {
            out[*f] = json!(format!("{s}~{n}"));
        }
    }
    out
}

/// Copies of `rows` (`copy(row, n)` makes copy n) until there are `target`.
fn grown(
    rows: &[Value],
    target: usize,
    mut copy: impl FnMut(&Value, usize) -> Value,
) -> Vec<Value> {
    let mut out = rows.to_vec();
    let mut n = 1;
    while out.len() < target && !rows.is_empty() {
        for row in rows {
            if out.len() >= target {
                break;
            }
            out.push(copy(row, n));
        }
        n += 1;
    }
    out
}

/// `rows` grouped by the string in `column`.
fn by(rows: &[Value], column: &str) -> HashMap<String, Vec<Value>> {
    let mut out: HashMap<String, Vec<Value>> = HashMap::new();
    for r in rows {
        let key = r[column].as_str().unwrap_or_default().to_string();
        out.entry(key).or_default().push(r.clone());
    }
    out
}

/// Grows `input` to `flows` flows and `approvals` approvals per person.
pub fn grow(input: &mut SourcesInput, users: usize, flows: f64, approvals: f64) {
    let page = |rows: Vec<Value>| vec![json!({ "value": rows })];
    let total: usize = input
        .power_automate
        .iter()
        .map(|e| values(&e.flows).len())
        .sum();
    for env in &mut input.power_automate {
        let rows = values(&env.flows);
        let target = (rows.len() as f64 / total as f64 * users as f64 * flows).round() as usize;
        let mut permissions = env.permissions.clone();
        let copies = grown(&rows, target, |row, n| {
            let copy = renamed(row, &["name", "id"], n);
            let name = row["name"].as_str().unwrap_or_default();
            if let (Some(p), Some(new)) = (env.permissions.get(name), copy["name"].as_str()) {
                permissions.insert(new.to_string(), p.clone());
            }
            copy
        });
        env.flows = page(copies);
        env.permissions = permissions;
    }
    let total: usize = input
        .dataverse
        .iter()
        .map(|e| values(&e.approvals).len())
        .sum();
    for env in &mut input.dataverse {
        let rows = values(&env.approvals);
        let target = (rows.len() as f64 / total as f64 * users as f64 * approvals).round() as usize;
        let mut requests = values(&env.approval_requests);
        let mut responses = values(&env.approval_responses);
        let requests_of = by(&requests, "_msdyn_flow_approvalrequest_approval_value");
        let responses_of = by(&responses, "_msdyn_flow_approvalresponse_approval_value");
        let copies = grown(&rows, target, |row, n| {
            let id = row["msdyn_flow_approvalid"].as_str().unwrap_or_default();
            for r in requests_of.get(id).into_iter().flatten() {
                let f = [
                    "msdyn_flow_approvalrequestid",
                    "_msdyn_flow_approvalrequest_approval_value",
                ];
                requests.push(renamed(r, &f, n));
            }
            for r in responses_of.get(id).into_iter().flatten() {
                let f = [
                    "msdyn_flow_approvalresponseid",
                    "_msdyn_flow_approvalresponse_approval_value",
                ];
                responses.push(renamed(r, &f, n));
            }
            renamed(row, &["msdyn_flow_approvalid"], n)
        });
        env.approvals = page(copies);
        env.approval_requests = page(requests);
        env.approval_responses = page(responses);
    }
}

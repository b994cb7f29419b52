//! `Directory.fromSources` of a JavaScript object: each part of the input — the Graph
//! pages, each Power Automate environment, each Dataverse environment — crosses into
//! WebAssembly as its own JSON text instead of one text of everything. V8 caps a string
//! at 2²⁹ − 24 characters (about 537 million): the pages of 100,000 people, 10,000 flows
//! and 100,000 approvals are 432 million, so a tenant a quarter larger could not be
//! stringified at all. Each part is read as the whole text would be (the same checks, and
//! errors at the same paths, `json_path::parse_borrowed_under`).

use super::typed_input::{EnvironmentApprovals, EnvironmentFlows, SourcesInput as SourcesPages};
use super::world_from_pages;
use crate::error::Result;
use crate::json_path::{parse_borrowed, parse_borrowed_under, Origin};
use crate::model::World;

/// The input of `fromSources` as separate JSON texts.
#[derive(Debug, Default)]
pub struct SourcesParts {
    /// The envelope with its parts left out: `graph` as `{}` and both lists as `[]` where
    /// they are an object and arrays (anything else stays, to be refused as it is).
    pub envelope: String,
    /// `graph`, when the envelope left it out.
    pub graph: Option<String>,
    /// Each element of `powerAutomate`, when the envelope left the list out.
    pub power_automate: Vec<String>,
    /// Each element of `dataverse`, when the envelope left the list out.
    pub dataverse: Vec<String>,
}

/// The world of input given in parts: the same world, and the same errors, as
/// [`super::world_from_sources_json`] of the whole input's text.
pub fn world_from_sources_parts(parts: &SourcesParts) -> Result<World> {
    let mut input: SourcesPages<'_> = parse_borrowed(&parts.envelope, Origin::Object)?;
    if let Some(graph) = &parts.graph {
        input.graph = parse_borrowed_under(graph, "graph")?;
    }
    input.power_automate.extend(each::<EnvironmentFlows<'_>>(
        &parts.power_automate,
        "powerAutomate",
    )?);
    input.dataverse.extend(each::<EnvironmentApprovals<'_>>(
        &parts.dataverse,
        "dataverse",
    )?);
    world_from_pages(&input)
}

/// Every text of `list` read as a `T`, its errors at `list[i]`.
fn each<'a, T: serde::Deserialize<'a>>(texts: &'a [String], list: &str) -> Result<Vec<T>> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| parse_borrowed_under(text, &format!("{list}[{i}]")))
        .collect()
}

//! Enterprise apps: single sign-on and self-service access.

use super::Id;
use serde::{Deserialize, Serialize};

/// Single sign-on mode of an enterprise app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SingleSignOn {
    /// Not configured.
    #[default]
    None,
    /// SAML-based.
    Saml,
    /// OpenID Connect (gallery).
    Oidc,
    /// Password-based.
    Password,
    /// Linked.
    Linked,
}

string_enum!(
    SingleSignOn,
    "SingleSignOn",
    [
        None = "none",
        Saml = "saml",
        Oidc = "oidc",
        Password = "password",
        Linked = "linked"
    ]
);

/// Self-service access settings of an app.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct SelfService {
    /// Users may request access.
    #[serde(default)]
    pub enabled: bool,
    /// The group self-service adds people to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<Id>,
    /// Requests need an owner's approval.
    #[serde(default)]
    pub require_approval: bool,
}
crate::objects_only!(serialize: SelfService);

/// An enterprise application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct App {
    /// Object id.
    pub id: Id,
    /// The tenant this app lives in.
    pub tenant_id: Id,
    /// Name.
    pub display_name: String,
    /// Single sign-on mode.
    #[serde(default)]
    pub single_sign_on: SingleSignOn,
    /// Self-service settings, if configured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_service: Option<SelfService>,
    /// Owner user ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<Id>,
    /// Users and groups assigned to the app.
    #[serde(default)]
    pub assignments: Vec<Id>,
}
crate::objects_only!(serialize: App);

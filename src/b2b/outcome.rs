//! The three answers every "may they?" has, and the facts about a guest's home that make
//! an answer the third one. One shape for every answer (features, checks, collaboration,
//! blocked lists): `allowed` and `denied` are certain, `unknown` names the missing fact.

use serde::{Serialize, Serializer};

/// The three answers to "may they?": `allowed` and `denied` are certain; `unknown` means
/// the answer depends on a fact about a guest's home that the directory does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// Certainly yes.
    Allowed,
    /// Certainly no, with a code saying why.
    Denied,
    /// Depends on a fact about the guest's home the directory does not hold.
    Unknown,
}

impl Outcome {
    /// `"allowed"`, `"denied"` or `"unknown"`, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::Denied => "denied",
            Outcome::Unknown => "unknown",
        }
    }
}

/// A fact about a guest's home that the directory does not hold, most fundamental first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unknown {
    /// `HOME_TENANT_UNKNOWN`: which tenant the guest comes from, where the resource
    /// tenant's inbound settings answer differently per partner.
    HomeTenant,
    /// `HOME_OUTBOUND_UNKNOWN`: whether the home tenant's outbound settings let the guest
    /// collaborate here.
    HomeOutbound,
    /// `TARGETED_RULE_UNKNOWN`: whether a cross-tenant rule that covers only some users,
    /// groups or applications covers this guest, where the directory cannot tell (their
    /// home user is not in it, or the application is not one it knows).
    TargetedRule,
    /// `HOME_LICENSE_UNKNOWN`: whether the guest holds a licence that counts at home.
    HomeLicense,
}

impl Unknown {
    /// Every unknown fact, in the order answers report them.
    pub const ALL: [Unknown; 4] = [
        Unknown::HomeTenant,
        Unknown::HomeOutbound,
        Unknown::TargetedRule,
        Unknown::HomeLicense,
    ];

    /// The stable code naming the missing fact.
    pub fn code(self) -> &'static str {
        match self {
            Unknown::HomeTenant => "HOME_TENANT_UNKNOWN",
            Unknown::HomeOutbound => "HOME_OUTBOUND_UNKNOWN",
            Unknown::TargetedRule => "TARGETED_RULE_UNKNOWN",
            Unknown::HomeLicense => "HOME_LICENSE_UNKNOWN",
        }
    }

    /// The field of [`HomeFacts`] that settles it (`homeFacts.<fact>` at sign-in).
    pub fn fact(self) -> &'static str {
        match self {
            Unknown::HomeTenant => "tenantId",
            Unknown::HomeOutbound => "outboundAllowed",
            Unknown::TargetedRule => "targetedRulesAllow",
            Unknown::HomeLicense => "licensed",
        }
    }

    /// What is not known and how to settle it, in words a widget can show.
    pub fn message(self) -> &'static str {
        match self {
            Unknown::HomeTenant => {
                "not known yet: this tenant's cross-tenant settings differ per partner and the guest's home tenant is not in the directory; sign in with homeFacts.tenantId (the idp claim of the guest's token), or homeFacts.entraHome: false for an account with no Entra home, to know"
            }
            Unknown::HomeOutbound => {
                "not known yet: the guest's home tenant decides whether its people may collaborate outbound, and it is not in the directory; sign in with homeFacts.outboundAllowed (or homeFacts.entraHome: false for an account with no Entra home) to know"
            }
            Unknown::TargetedRule => {
                "not known yet: a cross-tenant access rule covers only some users, groups or applications, and the directory cannot tell whether it covers this guest (their home user is not in it, or the application is not one it knows); sign in with homeFacts.targetedRulesAllow (for example from a sign-in of theirs that succeeded) to know"
            }
            Unknown::HomeLicense => {
                "not known yet: no licence that counts here, and the guest's home licences are not in the directory; sign in with homeFacts.licensed to know"
            }
        }
    }
}

impl Serialize for Unknown {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// One unknown fact spelled out: `{ code, fact, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnknownFact {
    /// `HOME_TENANT_UNKNOWN`, `HOME_OUTBOUND_UNKNOWN`, `TARGETED_RULE_UNKNOWN` or
    /// `HOME_LICENSE_UNKNOWN`.
    pub code: Unknown,
    /// The `homeFacts` field that settles it.
    pub fact: &'static str,
    /// What is not known, in words.
    pub message: &'static str,
}

impl From<Unknown> for UnknownFact {
    fn from(unknown: Unknown) -> UnknownFact {
        UnknownFact {
            code: unknown,
            fact: unknown.fact(),
            message: unknown.message(),
        }
    }
}

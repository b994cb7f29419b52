//! Plain data with Microsoft Graph's spellings: what a world is made of.
//!
//! Every type here (de)serializes as camelCase JSON with Graph's enum spellings
//! (`userType: "Guest"`, `externalUserState: "PendingAcceptance"`). Unknown fields are
//! refused, so a typo in input is an error instead of a silently ignored setting.
//! Nothing here knows about other modules: these are the records the rest of the crate
//! reasons about.
//!
//! One file per kind of object (tenant, user, group, app, flow, approval), each type
//! re-exported here so the rest of the crate names it `model::User`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Implements `Deserialize` for an enum of unit variants written as JSON strings, through
/// [`variant_index`]: `string_enum!(Cloud, "Cloud", [Global = "global", ...])` lists every
/// variant in declaration order with its JSON spelling (the one its derived `Serialize`
/// writes; `tests::string_enums_round_trip` checks they agree).
macro_rules! string_enum {
    ($t:ident, $name:literal, [$($v:ident = $s:literal),* $(,)?]) => {
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                const ALL: &[$t] = &[$($t::$v),*];
                let at = $crate::model::variant_index(d, $name, &[$($s),*])?;
                ALL.get(at)
                    .copied()
                    .ok_or_else(|| <D::Error as serde::de::Error>::custom("variant index out of range"))
            }
        }
    };
}
pub(crate) use string_enum;

mod app;
mod approval;
mod approval_consistency;
mod flow;
mod group;
pub mod guest_upn;
mod tenant;
mod user;

pub use app::{App, SelfService, SingleSignOn};
pub use approval::{
    Approval, ApprovalResponse, ApprovalStatus, ApprovalType, APPROVE, REJECT, SEQUENTIAL_REFUSED,
};
pub use approval_consistency::check_consistent;
pub use flow::{Connector, Flow, Trigger};
pub use group::{Group, JoinPolicy, JoinRequest, JoinRequestStatus, DYNAMIC_MEMBERSHIP, UNIFIED};
pub use tenant::{
    AccessDirections, AccessTargets, AllowInvitesFrom, Cloud, CrossTenantAccess, GuestAccess,
    PartnerAccess, Tenant, TenantSettings, UsGovernment,
};
pub use user::{ExternalUserState, User, UserType};

/// Reads one of `variants` (an enum of unit variants named `name`) and returns its
/// position.
///
/// This is what `#[derive(Deserialize)]` generates for such an enum — `deserialize_enum`,
/// an identifier for the variant, then a unit variant — so the same input is accepted
/// and the errors read the same (`unknown variant `x`, expected one of ...`), but the Wasm
/// module holds one copy of it instead of one per enum (about 1.2 KB each).
pub(crate) fn variant_index<'de, D: serde::Deserializer<'de>>(
    d: D,
    name: &'static str,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    d.deserialize_enum(name, variants, StringEnum { name, variants })
}

/// The visitor of [`variant_index`]: the enum, then its variant's name.
struct StringEnum {
    name: &'static str,
    variants: &'static [&'static str],
}

impl<'de> serde::de::Visitor<'de> for StringEnum {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "enum {}", self.name)
    }

    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
        let (at, variant) = data.variant_seed(VariantName(self.variants))?;
        serde::de::VariantAccess::unit_variant(variant)?;
        Ok(at)
    }
}

/// A variant's name (or index) among the enum's variants.
struct VariantName(&'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for VariantName {
    type Value = usize;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl serde::de::Visitor<'_> for VariantName {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<usize, E> {
        match usize::try_from(v) {
            Ok(at) if at < self.0.len() => Ok(at),
            _ => Err(E::invalid_value(
                serde::de::Unexpected::Unsigned(v),
                &format!("variant index 0 <= i < {}", self.0.len()).as_str(),
            )),
        }
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|s| *s == v)
            .ok_or_else(|| E::unknown_variant(v, self.0))
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<usize, E> {
        self.0
            .iter()
            .position(|s| s.as_bytes() == v)
            .ok_or_else(|| E::unknown_variant(&String::from_utf8_lossy(v), self.0))
    }
}

/// Reads a JSON object into a map, refusing a key written twice (serde keeps the last
/// one silently, so `{"w":{"inbound":false},"w":{"inbound":true}}` would allow `w`).
/// The derived readers of our structs already refuse a repeated field; this does the
/// same for the maps of our JSON (`crossTenantAccess.partners`). The error comes right
/// after the repeated key, so its path names it (`…partners.w`).
pub(crate) fn unique_keys<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    d.deserialize_map(UniqueKeys(std::marker::PhantomData))
}

/// The visitor of [`unique_keys`].
struct UniqueKeys<V>(std::marker::PhantomData<V>);

impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for UniqueKeys<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate key `{key}`: each key may appear once"
                )));
            }
            let value = map.next_value()?;
            out.insert(key, value);
        }
        Ok(out)
    }
}

/// An object id. Ids are unique across the whole world (tenants, users, groups, apps,
/// flows, approvals, connectors and join requests share one namespace).
pub type Id = String;

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Everything guestpass knows, as one JSON document (`Directory.fromJSON`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(remote = "Self", rename_all = "camelCase", deny_unknown_fields)]
pub struct World {
    /// Tenants.
    #[serde(default)]
    pub tenants: Vec<Tenant>,
    /// Users: members and guest objects.
    #[serde(default)]
    pub users: Vec<User>,
    /// Groups.
    #[serde(default)]
    pub groups: Vec<Group>,
    /// Enterprise apps.
    #[serde(default)]
    pub apps: Vec<App>,
    /// Flows.
    #[serde(default)]
    pub flows: Vec<Flow>,
    /// Approvals.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// Connectors.
    #[serde(default)]
    pub connectors: Vec<Connector>,
    /// Requests to join groups.
    #[serde(default)]
    pub join_requests: Vec<JoinRequest>,
}
crate::objects_only!(serialize: World);

#[cfg(test)]
mod tests {
    use super::*;

    /// What `#[derive(Deserialize)]` makes of `Cloud`, to compare `string_enum!` with.
    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum DerivedCloud {
        Global,
        Usgov,
        China,
    }

    #[test]
    fn string_enums_read_and_fail_like_derived_ones() {
        for input in [
            r#""global""#,
            r#""china""#,
            r#""\u0067lobal""#,
            r#""mars""#,
            r#""Global""#,
            r#""""#,
            "3",
            "-1",
            "1.5",
            "null",
            "true",
            "[]",
            r#"["global"]"#,
            "{}",
            r#"{"global":null}"#,
            r#"{"global":1}"#,
            r#"{"mars":null}"#,
            r#"{"global":null,"usgov":null}"#,
            r#" "usgov" "#,
            r#""usgov"#,
        ] {
            let ours = serde_json::from_str::<Cloud>(input).map_err(|e| e.to_string());
            let derived = serde_json::from_str::<DerivedCloud>(input).map_err(|e| e.to_string());
            match (&ours, &derived) {
                (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{input}"),
                (Err(a), Err(b)) => assert_eq!(a, b, "{input}"),
                _ => panic!("{input}: {ours:?} against {derived:?}"),
            }
        }
    }

    fn round_trip<T>(all: &[T])
    where
        T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug,
    {
        for v in all {
            let text = serde_json::to_string(v).unwrap();
            assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), v, "{text}");
        }
    }

    #[test]
    fn string_enums_read_what_they_write() {
        use crate::sharing::Role;
        round_trip(&[Cloud::Global, Cloud::Usgov, Cloud::China]);
        round_trip(&[
            GuestAccess::SameAsMember,
            GuestAccess::Limited,
            GuestAccess::Restricted,
        ]);
        round_trip(&[UserType::Member, UserType::Guest]);
        round_trip(&[UsGovernment::Gcc, UsGovernment::GccHigh, UsGovernment::Dod]);
        round_trip(&[
            AllowInvitesFrom::None,
            AllowInvitesFrom::AdminsAndGuestInviters,
            AllowInvitesFrom::AdminsGuestInvitersAndAllMembers,
            AllowInvitesFrom::Everyone,
        ]);
        round_trip(&[
            ExternalUserState::PendingAcceptance,
            ExternalUserState::Accepted,
        ]);
        round_trip(&[
            JoinPolicy::Closed,
            JoinPolicy::Open,
            JoinPolicy::OwnerApproval,
        ]);
        round_trip(&[
            SingleSignOn::None,
            SingleSignOn::Saml,
            SingleSignOn::Oidc,
            SingleSignOn::Password,
            SingleSignOn::Linked,
        ]);
        round_trip(&[Trigger::Manual, Trigger::Automated, Trigger::Scheduled]);
        round_trip(&[
            ApprovalType::FirstToRespond,
            ApprovalType::EveryoneMustApprove,
            ApprovalType::CustomWaitForOne,
            ApprovalType::CustomWaitForAll,
        ]);
        round_trip(&[
            ApprovalStatus::Pending,
            ApprovalStatus::Completed,
            ApprovalStatus::Canceled,
            ApprovalStatus::Expired,
        ]);
        round_trip(&[
            JoinRequestStatus::Pending,
            JoinRequestStatus::Approved,
            JoinRequestStatus::Declined,
        ]);
        round_trip(&[Role::RunOnly, Role::CoOwner, Role::Owner]);
    }
}

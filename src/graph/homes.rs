//! Where imported guests come from. A guest's real address is its `mail` (else its
//! first `otherMails`, else the address its `#EXT#` UPN spells: `alice_fabrikam.com#EXT#@…`
//! → `alice@fabrikam.com`). When another tenant of the input has a verified domain
//! (initial domain included) equal to that address's domain, it is the guest's home
//! tenant; when that tenant also has a member whose `mail` equals the address (without
//! case), that member is the home user. Otherwise the guest is an outside account and
//! names no home.

use crate::model::{User, UserType, World};
use std::collections::HashMap;

/// The address a `#EXT#` UPN was made from, if it is one.
fn address_in_upn(upn: &str) -> Option<String> {
    let (encoded, _) = upn.split_once("#EXT#")?;
    let at = encoded.rfind('_')?;
    Some(format!("{}@{}", &encoded[..at], &encoded[at + 1..]))
}

fn real_address(guest: &User) -> Option<String> {
    guest
        .mail
        .clone()
        .or_else(|| guest.other_mails.first().cloned())
        .or_else(|| address_in_upn(&guest.user_principal_name))
}

/// Fills in `homeTenantId` and `homeUserId` of every guest whose home is in the world.
pub(super) fn resolve(world: &mut World) {
    let mut tenant_of_domain: HashMap<String, String> = HashMap::new();
    for t in &world.tenants {
        for d in t.domains.iter().chain(std::iter::once(&t.initial_domain)) {
            tenant_of_domain
                .entry(d.to_lowercase())
                .or_insert_with(|| t.id.clone());
        }
    }
    let mut member_by_mail: HashMap<(String, String), String> = HashMap::new();
    for u in world
        .users
        .iter()
        .filter(|u| u.user_type == UserType::Member)
    {
        if let Some(mail) = &u.mail {
            member_by_mail
                .entry((u.tenant_id.clone(), mail.to_lowercase()))
                .or_insert_with(|| u.id.clone());
        }
    }
    for guest in world.users.iter_mut().filter(|u| u.is_guest()) {
        let Some(address) = real_address(guest).map(|a| a.to_lowercase()) else {
            continue;
        };
        let Some((_, domain)) = address.rsplit_once('@') else {
            continue;
        };
        let Some(home) = tenant_of_domain.get(domain) else {
            continue;
        };
        if *home == guest.tenant_id {
            continue;
        }
        guest.home_user_id = member_by_mail
            .get(&(home.clone(), address.clone()))
            .cloned();
        guest.home_tenant_id = Some(home.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::address_in_upn;

    #[test]
    fn upn_spells_the_address() {
        assert_eq!(
            address_in_upn("alice_fabrikam.com#EXT#@contoso.onmicrosoft.com").as_deref(),
            Some("alice@fabrikam.com")
        );
        assert_eq!(
            address_in_upn("jean_luc_fabrikam.fr#EXT#@x.onmicrosoft.com").as_deref(),
            Some("jean_luc@fabrikam.fr")
        );
        assert_eq!(address_in_upn("bob@contoso.com"), None);
    }
}

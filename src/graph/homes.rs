//! Where imported guests come from. A guest's real address is its `mail` (else its
//! first `otherMails`, else the address its `#EXT#` UPN spells: `alice_fabrikam.com#EXT#@…`
//! → `alice@fabrikam.com`). When another tenant of the input has a verified domain
//! (initial domain included) equal to that address's domain, it is the guest's home
//! tenant; when that tenant also has a member whose `mail` equals the address (without
//! case), that member is the home user. Otherwise the guest is an outside account and
//! names no home.
//!
//! Addresses are compared trimmed and without case, and `#EXT#` is found in any case.
//! A domain verified by two tenants of the input cannot say whose a guest is: the
//! input is refused (Entra: a domain is verified in one tenant only, "Add your custom
//! domain name").

use crate::error::{Error, Result};
use crate::graph::maps::KeyedMap;
use crate::model::{guest_upn, User, UserType, World};

fn real_address(guest: &User) -> Option<String> {
    let trimmed = |s: &String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    guest
        .mail
        .as_ref()
        .and_then(trimmed)
        .or_else(|| guest.other_mails.iter().find_map(trimmed))
        .or_else(|| guest_upn::decode(&guest.user_principal_name))
}

/// Refuses two tenants of `world` verifying the same domain (without case).
pub(super) fn check_domains(world: &World) -> Result<()> {
    let mut owner: KeyedMap<String, (usize, &str)> = KeyedMap::default();
    for (t, tenant) in world.tenants.iter().enumerate() {
        for d in tenant
            .domains
            .iter()
            .chain(std::iter::once(&tenant.initial_domain))
        {
            let key = d.trim().to_lowercase();
            match owner.get(&key) {
                Some((other, id)) if *other != t => {
                    return Err(Error::InvalidValue {
                        field: format!("tenants[{t}].organization.verifiedDomains"),
                        reason: format!(
                            "domain \"{d}\" of tenant \"{}\" is also verified by tenant \"{id}\"; \
                             a domain belongs to one tenant, so guests from it would have two homes",
                            tenant.id
                        ),
                    });
                }
                _ => {
                    owner.insert(key, (t, &tenant.id));
                }
            }
        }
    }
    Ok(())
}

/// Fills in `homeTenantId` and `homeUserId` of every guest whose home is in the world.
pub(super) fn resolve(world: &mut World) {
    let mut tenant_of_domain: KeyedMap<String, String> = KeyedMap::default();
    for t in &world.tenants {
        for d in t.domains.iter().chain(std::iter::once(&t.initial_domain)) {
            tenant_of_domain
                .entry(d.trim().to_lowercase())
                .or_insert_with(|| t.id.clone());
        }
    }
    let mut member_by_mail: KeyedMap<(String, String), String> = KeyedMap::default();
    for u in world
        .users
        .iter()
        .filter(|u| u.user_type == UserType::Member)
    {
        if let Some(mail) = &u.mail {
            member_by_mail
                .entry((u.tenant_id.clone(), mail.trim().to_lowercase()))
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
    use crate::model::guest_upn::decode as address_in_upn;

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
        assert_eq!(
            address_in_upn("alice_fabrikam.com#ext#@contoso.onmicrosoft.com").as_deref(),
            Some("alice@fabrikam.com")
        );
    }
}

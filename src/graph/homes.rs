//! Where imported guests come from. A guest's real address is its `mail` (else its
//! first `otherMails`, else the address its `#EXT#` UPN spells: `alice_fabrikam.com#EXT#@…`
//! → `alice@fabrikam.com`). When another tenant of the input has a verified domain
//! (initial domain included) equal to that address's domain, it is the guest's home
//! tenant; when that tenant also has a member whose `mail` equals the address (without
//! case), that member is the home user. Otherwise the guest is an outside account and
//! names no home.

use crate::model::{guest_upn, User, UserType, World};
use std::collections::HashMap;

fn real_address(guest: &User) -> Option<String> {
    guest
        .mail
        .clone()
        .or_else(|| guest.other_mails.first().cloned())
        .or_else(|| guest_upn::decode(&guest.user_principal_name))
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

//! Members and guest objects: how each is spelled, and the generated crowd.
//!
//! A member's mail and userPrincipalName are `given.surname@<first domain>` (a number is
//! appended on repeats: `jose.garcia-lopez2`). A guest object copies its home user's
//! name and real address, and its userPrincipalName is that address with `@` turned
//! into `_`, then `#EXT#@` and the resource tenant's initial domain.

use super::crowd::Crowd;
use super::dice::Dice;
use super::ids;
use super::names;
use super::tenants::{TenantSpec, GUEST_ROUTES, OUTSIDE_DOMAINS, TENANTS};
use guestpass::model::{ExternalUserState, User, UserType, World};

/// License plan kind: an Office 365 plan.
pub(super) const OFFICE365: &str = "office365";
/// License plan kind: a plan with Power Automate.
pub(super) const POWER_AUTOMATE: &str = "powerAutomate";

/// Spelling of a member: display name, given name and surname.
pub(super) struct MemberName<'a> {
    /// Name shown in pickers.
    pub display: String,
    /// First name.
    pub given: &'a str,
    /// Last name.
    pub surname: &'a str,
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The domain members' mail addresses use: the tenant's first verified domain.
pub(super) fn mail_domain(tenant: &TenantSpec) -> &'static str {
    tenant
        .domains
        .first()
        .copied()
        .unwrap_or(tenant.initial_domain)
}

/// A member of `tenant` whose mail and UPN are `mail`.
pub(super) fn member(
    id: String,
    tenant: &TenantSpec,
    name: MemberName<'_>,
    mail: String,
    job_title: Option<&str>,
    licenses: &[&str],
    consented: bool,
) -> User {
    User {
        id,
        tenant_id: tenant.id.to_string(),
        display_name: name.display,
        given_name: Some(name.given.to_string()),
        surname: Some(name.surname.to_string()),
        user_principal_name: mail.clone(),
        mail: Some(mail),
        other_mails: Vec::new(),
        user_type: UserType::Member,
        external_user_state: None,
        creation_type: None,
        job_title: job_title.map(str::to_string),
        home_tenant_id: None,
        home_user_id: None,
        licenses: strings(licenses),
        consented_to_power_automate: consented,
        account_enabled: true,
    }
}

/// The guest userPrincipalName for `mail` in a tenant whose initial domain is `initial`.
pub(super) fn guest_upn(mail: &str, initial: &str) -> String {
    let mut upn = String::with_capacity(mail.len() + initial.len() + 6);
    for c in mail.chars() {
        upn.push(if c == '@' { '_' } else { c });
    }
    upn.push_str("#EXT#@");
    upn.push_str(initial);
    upn
}

/// An invited guest object in `resource` with the given name and real address.
pub(super) fn guest(
    id: String,
    resource: &TenantSpec,
    display: &str,
    mail: &str,
    state: ExternalUserState,
    licenses: &[&str],
    consented: bool,
) -> User {
    User {
        id,
        tenant_id: resource.id.to_string(),
        display_name: display.to_string(),
        given_name: None,
        surname: None,
        mail: Some(mail.to_string()),
        other_mails: Vec::new(),
        user_principal_name: guest_upn(mail, resource.initial_domain),
        user_type: UserType::Guest,
        external_user_state: Some(state),
        creation_type: Some("Invitation".to_string()),
        job_title: None,
        home_tenant_id: None,
        home_user_id: None,
        licenses: strings(licenses),
        consented_to_power_automate: consented && state == ExternalUserState::Accepted,
        account_enabled: true,
    }
}

/// The guest object in `resource` of the member `home`.
pub(super) fn guest_of(
    home: &User,
    id: String,
    resource: &TenantSpec,
    state: ExternalUserState,
    licenses: &[&str],
    consented: bool,
) -> User {
    let mail = home.mail.as_deref().unwrap_or(&home.user_principal_name);
    let mut g = guest(
        id,
        resource,
        &home.display_name,
        mail,
        state,
        licenses,
        consented,
    );
    g.home_tenant_id = Some(home.tenant_id.clone());
    g.home_user_id = Some(home.id.clone());
    g
}

fn member_licenses(dice: &mut Dice) -> &'static [&'static str] {
    match dice.below(100) {
        0..70 => &[OFFICE365, POWER_AUTOMATE],
        70..85 => &[OFFICE365],
        85..90 => &[POWER_AUTOMATE],
        _ => &[],
    }
}

/// Adds `count` generated members, spread over the tenants by their member share.
pub(super) fn add_members(world: &mut World, dice: &mut Dice, count: usize) {
    let total_share: u32 = TENANTS.iter().map(|t| t.member_share).sum();
    let mut left = count;
    for (position, tenant) in TENANTS.iter().enumerate() {
        let n = if position + 1 == TENANTS.len() {
            left
        } else {
            (count as u64 * u64::from(tenant.member_share) / u64::from(total_share)) as usize
        };
        left -= n.min(left);
        let domain = mail_domain(tenant);
        // How many people of this tenant so far have each (given, surname) pair.
        let mut repeats = vec![0u32; names::pair_count()];
        for i in 0..n {
            let name = names::draw(dice);
            repeats[name.pair] += 1;
            let mail = name.mail(repeats[name.pair], domain);
            let job = if dice.percent(92) {
                Some(names::job_title(dice))
            } else {
                None
            };
            let licenses = member_licenses(dice);
            let consented = dice.percent(90);
            world.users.push(member(
                ids::numbered(tenant.id, "u", i + 1, 6),
                tenant,
                MemberName {
                    display: name.display,
                    given: name.given,
                    surname: name.surname,
                },
                mail,
                job,
                licenses,
                consented,
            ));
        }
    }
}

fn guest_state(dice: &mut Dice) -> ExternalUserState {
    if dice.percent(12) {
        ExternalUserState::PendingAcceptance
    } else {
        ExternalUserState::Accepted
    }
}

/// Adds `count` generated guests: most invited from another tenant of the world along
/// [`GUEST_ROUTES`], about one in twelve with an outside email account. Nobody is
/// invited twice into the same tenant.
pub(super) fn add_guests(world: &mut World, dice: &mut Dice, count: usize) {
    let crowd = Crowd::count(world);
    let position = |tenant_id: &str| TENANTS.iter().position(|t| t.id == tenant_id);
    // Bit r of invited[u] is set once user u has a guest object in tenant r
    // (there are at most 8 tenants, see `tenants`).
    let mut invited = vec![0u8; world.users.len()];
    for u in world.users.iter().filter(|u| u.is_guest()) {
        let home = u
            .home_user_id
            .as_ref()
            .and_then(|h| world.users.iter().position(|m| &m.id == h));
        if let (Some(h), Some(r)) = (home, position(&u.tenant_id)) {
            invited[h] |= 1 << r;
        }
    }
    let mut numbers = vec![0usize; TENANTS.len()];
    // How many outside accounts so far have each (pair of names, mail domain).
    let mut outside_repeats = vec![0u32; names::pair_count() * OUTSIDE_DOMAINS.len()];
    for _ in 0..count {
        let mut made = None;
        if !dice.percent(8) {
            for _attempt in 0..4 {
                let (resource, home, _) =
                    GUEST_ROUTES[dice.weighted(GUEST_ROUTES, |route| route.2)];
                let Some(&h) = dice.pick(&crowd.0[home].members) else {
                    continue;
                };
                if invited[h] & (1 << resource) == 0 {
                    invited[h] |= 1 << resource;
                    made = Some((resource, Some(h)));
                    break;
                }
            }
        }
        let (resource, home) =
            made.unwrap_or_else(|| (dice.weighted(&TENANTS, |t| t.outside_guest_share), None));
        numbers[resource] += 1;
        let spec = &TENANTS[resource];
        let id = ids::numbered(spec.id, "g", numbers[resource], 6);
        let state = guest_state(dice);
        let consented = dice.percent(85);
        let user = match home {
            Some(h) => {
                let licenses: &[&str] = if dice.percent(10) {
                    &[POWER_AUTOMATE]
                } else {
                    &[]
                };
                guest_of(&world.users[h], id, spec, state, licenses, consented)
            }
            None => {
                let name = names::draw(dice);
                let d = dice.below(OUTSIDE_DOMAINS.len());
                let seen = &mut outside_repeats[name.pair * OUTSIDE_DOMAINS.len() + d];
                *seen += 1;
                let mail = name.mail(*seen, OUTSIDE_DOMAINS[d]);
                let licenses: &[&str] = if dice.percent(40) {
                    &[POWER_AUTOMATE]
                } else {
                    &[]
                };
                guest(id, spec, &name.display, &mail, state, licenses, consented)
            }
        };
        world.users.push(user);
    }
}

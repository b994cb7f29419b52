//! Changes to the directory. Each one checks everything first and only then applies,
//! so a call that fails changes nothing; each successful one bumps the version.

use super::membership::{self, Principal};
use super::{validate, ApprovalRole, Directory, Kind};
use crate::error::{Error, Result};
use crate::model::{App, Approval, Connector, Flow, Group, JoinRequest, Tenant, User};

impl Directory {
    fn check_id_free_for(&self, id: &str, kind: Kind) -> Result<()> {
        validate::id(id)?;
        match self.kind_of(id) {
            Some(existing) if existing != kind => Err(Error::DuplicateId(id.to_string())),
            _ => Ok(()),
        }
    }

    fn touch(&mut self) {
        self.version = self.version.wrapping_add(1);
    }

    /// Adds a tenant or replaces the one with the same id.
    pub fn upsert_tenant(&mut self, tenant: Tenant) -> Result<()> {
        self.check_id_free_for(&tenant.id, Kind::Tenant)?;
        validate::tenant(self, &tenant)?;
        self.tenants.put(tenant);
        self.touch();
        Ok(())
    }

    /// Adds a user or replaces the one with the same id (its tenant cannot change).
    pub fn upsert_user(&mut self, user: User) -> Result<()> {
        self.check_id_free_for(&user.id, Kind::User)?;
        validate::user(self, &user)?;
        if let Some(old) = self.users.get(&user.id) {
            if old.tenant_id != user.tenant_id {
                return Err(Error::TenantChange(user.id.clone()));
            }
            if user.is_guest() && !old.is_guest() {
                if let Some(guest) = self
                    .users
                    .iter()
                    .find(|g| g.home_user_id.as_deref() == Some(&user.id))
                {
                    return Err(Error::InUse {
                        id: user.id.clone(),
                        by: guest.id.clone(),
                        field: "homeUserId",
                    });
                }
            }
        }
        self.addresses.check_upn_free(&user, &self.users)?;
        if let Some(slot) = self.users.slot_of(&user.id) {
            if let Some(old) = self.users.at(slot).cloned() {
                self.addresses.remove(slot, &old);
            }
        }
        let (slot, _) = self.users.put(user);
        if let Some(stored) = self.users.at(slot) {
            self.addresses.insert(slot, stored);
            self.people.upsert(slot, stored);
        }
        self.touch();
        Ok(())
    }

    /// Removes a user, and with it their group memberships, app assignments, flow shares
    /// and join requests. Refused while they own a flow, take part in an approval, or are
    /// the home user of a guest object.
    pub fn remove_user(&mut self, id: &str) -> Result<()> {
        if self.users.get(id).is_none() {
            return Err(Error::UnknownUser(id.to_string()));
        }
        if let Some(flow) = self.flows.iter().find(|f| f.owner_id == id) {
            return Err(in_use(id, &flow.id, "ownerId"));
        }
        if let Some((approval, field)) = self
            .approvals_of(id, ApprovalRole::Requester)
            .open()
            .chain(self.approvals_of(id, ApprovalRole::Requester).closed())
            .chain(self.approvals_of(id, ApprovalRole::Approver).open())
            .chain(self.approvals_of(id, ApprovalRole::Approver).closed())
            .find_map(|(_, a)| approval_reference(a, id).map(|field| (a, field)))
        {
            return Err(in_use(id, &approval.id, field));
        }
        if let Some(guest) = self
            .users
            .iter()
            .find(|g| g.home_user_id.as_deref() == Some(id))
        {
            return Err(in_use(id, &guest.id, "homeUserId"));
        }
        self.detach_principal(id);
        let requests: Vec<String> = self
            .join_requests
            .iter()
            .filter(|r| r.user_id == id || r.decided_by.as_deref() == Some(id))
            .map(|r| r.id.clone())
            .collect();
        for r in requests {
            self.join_requests.take(&r);
        }
        if let Some((slot, user)) = self.users.take(id) {
            self.addresses.remove(slot, &user);
            self.people.remove(&user.tenant_id, slot);
            self.member_of.forget(Principal::User(slot));
        }
        self.touch();
        Ok(())
    }

    /// Adds a group or replaces the one with the same id; refused if it would make a
    /// cycle of groups.
    pub fn upsert_group(&mut self, group: Group) -> Result<()> {
        self.check_id_free_for(&group.id, Kind::Group)?;
        if let Some(old) = self.groups.get(&group.id) {
            if old.tenant_id != group.tenant_id {
                return Err(Error::TenantChange(group.id.clone()));
            }
        }
        validate::group(self, &group)?;
        membership::check_no_new_cycle(self, &group.id, &group.members)?;
        if let Some(slot) = self.groups.slot_of(&group.id) {
            if let Some(old) = self.groups.at(slot).cloned() {
                self.member_of
                    .remove_group(slot, &old, &self.groups, &self.users);
            }
        }
        let (slot, _) = self.groups.put(group);
        if let Some(stored) = self.groups.at(slot).cloned() {
            self.member_of
                .add_group(slot, &stored, &self.groups, &self.users);
        }
        self.touch();
        Ok(())
    }

    /// Removes a group, and with it its memberships in other groups, app assignments,
    /// flow shares and join requests. Refused while it approves something or is an
    /// app's self-service group.
    pub fn remove_group(&mut self, id: &str) -> Result<()> {
        if self.groups.get(id).is_none() {
            return Err(Error::UnknownGroup(id.to_string()));
        }
        if let Some((_, approval)) = self
            .approvals_of(id, ApprovalRole::Approver)
            .open()
            .chain(self.approvals_of(id, ApprovalRole::Approver).closed())
            .next()
        {
            return Err(in_use(id, &approval.id, "approvers"));
        }
        if let Some(app) = self
            .apps
            .iter()
            .find(|a| a.self_service.as_ref().and_then(|s| s.group_id.as_deref()) == Some(id))
        {
            return Err(in_use(id, &app.id, "selfService.groupId"));
        }
        self.detach_principal(id);
        let requests: Vec<String> = self
            .join_requests
            .iter()
            .filter(|r| r.group_id == id)
            .map(|r| r.id.clone())
            .collect();
        for r in requests {
            self.join_requests.take(&r);
        }
        if let Some(slot) = self.groups.slot_of(id) {
            if let Some(old) = self.groups.at(slot).cloned() {
                self.member_of
                    .remove_group(slot, &old, &self.groups, &self.users);
            }
            self.member_of.forget(Principal::Group(slot));
        }
        self.groups.take(id);
        self.touch();
        Ok(())
    }

    /// Adds an app or replaces the one with the same id.
    pub fn upsert_app(&mut self, app: App) -> Result<()> {
        self.check_id_free_for(&app.id, Kind::App)?;
        validate::app(self, &app)?;
        self.apps.put(app);
        self.touch();
        Ok(())
    }

    /// Removes an app.
    pub fn remove_app(&mut self, id: &str) -> Result<()> {
        self.apps
            .take(id)
            .ok_or_else(|| Error::UnknownApp(id.to_string()))?;
        self.touch();
        Ok(())
    }

    /// Adds a flow or replaces the one with the same id; its tenant cannot change while
    /// an approval names it (`flowId` stays within one tenant).
    pub fn upsert_flow(&mut self, flow: Flow) -> Result<()> {
        self.check_id_free_for(&flow.id, Kind::Flow)?;
        validate::flow(self, &flow)?;
        if self
            .flows
            .get(&flow.id)
            .is_some_and(|old| old.tenant_id != flow.tenant_id)
        {
            let named = self
                .approvals
                .iter()
                .find(|a| a.flow_id.as_deref() == Some(flow.id.as_str()));
            if let Some(approval) = named {
                return Err(in_use(&flow.id, &approval.id, "flowId"));
            }
        }
        self.flows.put(flow);
        self.touch();
        Ok(())
    }

    /// Removes a flow. The approvals it asked for stay, without a flow (`flowId` absent),
    /// as an import reads the approvals of a flow that was deleted.
    pub fn remove_flow(&mut self, id: &str) -> Result<()> {
        self.flows
            .take(id)
            .ok_or_else(|| Error::UnknownFlow(id.to_string()))?;
        let named: Vec<String> = self
            .approvals
            .iter()
            .filter(|a| a.flow_id.as_deref() == Some(id))
            .map(|a| a.id.clone())
            .collect();
        for approval_id in named {
            if let Some(approval) = self.approvals.get_mut(&approval_id) {
                approval.flow_id = None;
            }
        }
        self.touch();
        Ok(())
    }

    /// Adds an approval or replaces the one with the same id.
    pub fn upsert_approval(&mut self, approval: Approval) -> Result<()> {
        self.check_id_free_for(&approval.id, Kind::Approval)?;
        validate::approval(self, &approval)?;
        if let Some(slot) = self.approvals.slot_of(&approval.id) {
            self.unindex_approval(slot);
        }
        let (slot, _) = self.approvals.put(approval);
        self.index_approval(slot);
        self.touch();
        Ok(())
    }

    /// Removes an approval.
    pub fn remove_approval(&mut self, id: &str) -> Result<()> {
        let slot = self
            .approvals
            .slot_of(id)
            .ok_or_else(|| Error::UnknownApproval(id.to_string()))?;
        self.unindex_approval(slot);
        self.approvals.take(id);
        self.touch();
        Ok(())
    }

    /// Adds a connector or replaces the one with the same id.
    pub fn upsert_connector(&mut self, connector: Connector) -> Result<()> {
        self.check_id_free_for(&connector.id, Kind::Connector)?;
        validate::connector(&connector)?;
        self.connectors.put(connector);
        self.touch();
        Ok(())
    }

    /// Adds a join request or replaces the one with the same id.
    pub fn upsert_join_request(&mut self, request: JoinRequest) -> Result<()> {
        self.check_id_free_for(&request.id, Kind::JoinRequest)?;
        validate::join_request(self, &request)?;
        self.join_requests.put(request);
        self.touch();
        Ok(())
    }

    /// Takes `id` out of every group's members and owners, every app's assignments and
    /// owners, and every flow's shares. Infallible: callers check first.
    fn detach_principal(&mut self, id: &str) {
        let groups: Vec<Group> = self
            .direct_groups_of(id)
            .into_iter()
            .cloned()
            .chain(
                self.groups
                    .iter()
                    .filter(|g| g.owners.iter().any(|o| o == id))
                    .cloned(),
            )
            .collect();
        for mut group in groups {
            group.members.retain(|m| m != id);
            group.owners.retain(|o| o != id);
            if let Some(slot) = self.groups.slot_of(&group.id) {
                if let Some(old) = self.groups.at(slot).cloned() {
                    self.member_of
                        .remove_group(slot, &old, &self.groups, &self.users);
                }
                self.groups.put(group.clone());
                self.member_of
                    .add_group(slot, &group, &self.groups, &self.users);
            }
        }
        let apps: Vec<String> = self
            .apps
            .iter()
            .filter(|a| a.assignments.iter().chain(&a.owners).any(|p| p == id))
            .map(|a| a.id.clone())
            .collect();
        for app_id in apps {
            if let Some(app) = self.apps.get_mut(&app_id) {
                app.assignments.retain(|p| p != id);
                app.owners.retain(|p| p != id);
            }
        }
        let flows: Vec<String> = self
            .flows
            .iter()
            .filter(|f| f.co_owners.iter().chain(&f.run_only).any(|p| p == id))
            .map(|f| f.id.clone())
            .collect();
        for flow_id in flows {
            if let Some(flow) = self.flows.get_mut(&flow_id) {
                flow.co_owners.retain(|p| p != id);
                flow.run_only.retain(|p| p != id);
            }
        }
    }
}

fn in_use(id: &str, by: &str, field: &'static str) -> Error {
    Error::InUse {
        id: id.to_string(),
        by: by.to_string(),
        field,
    }
}

fn approval_reference(a: &Approval, id: &str) -> Option<&'static str> {
    if a.requester_id == id {
        Some("requesterId")
    } else if a.approvers.iter().any(|p| p == id) {
        Some("approvers")
    } else if a.responses.iter().any(|r| r.approver_id == id) {
        Some("responses")
    } else {
        None
    }
}

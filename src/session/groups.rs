//! Self-service groups as the signed-in person lives them: an owner invites guests and
//! decides join requests, anyone asks to join, and everyone sees the apps they reach.
//! Every call re-reads the person first (`SESSION_ENDED`, `INVITATION_PENDING`, …).

use super::{writable, Session};
use crate::directory::Directory;
use crate::error::Result;
use crate::groups::{
    self, AppAccess, AppLink, Invitation, InvitationRequest, JoinBox, JoinRequestItem, JoinResult,
    OwnedGroup,
};
use crate::model::Group;

impl Session {
    /// As an owner of `group_id`, invites `request.email` into it: an account already in
    /// this tenant is added, anyone else gets a new pending guest account. See
    /// [`groups::invite`] for what is created and every refusal.
    ///
    /// ```
    /// # fn main() -> Result<(), guestpass::Error> {
    /// # let mut dir = guestpass::directory::Directory::from_json_str(r#"{
    /// #   "tenants": [{ "id": "contoso", "displayName": "Contoso",
    /// #     "initialDomain": "contoso.onmicrosoft.com",
    /// #     "settings": { "selfServiceGroupManagement": true } }],
    /// #   "users": [{ "id": "bob", "tenantId": "contoso", "displayName": "Bob",
    /// #               "userPrincipalName": "bob@contoso.com" }],
    /// #   "groups": [{ "id": "payroll-users", "tenantId": "contoso",
    /// #     "displayName": "Payroll users", "securityEnabled": true, "owners": ["bob"] }] }"#)?;
    /// use guestpass::groups::{InvitationRequest, InvitationStatus};
    /// let bob = dir.sign_in("contoso", "bob")?;
    /// let invitation = bob.invite_to_group(&mut dir, "payroll-users", &InvitationRequest {
    ///     email: "eve@northwind.com".into(),
    ///     message: Some("Welcome to Payroll!".into()),
    ///     ..Default::default()
    /// })?;
    /// assert_eq!(invitation.status, InvitationStatus::PendingAcceptance);
    /// assert_eq!(invitation.invited_user.id, "eve-northwind-com-at-contoso");
    /// # Ok(()) }
    /// ```
    pub fn invite_to_group(
        &self,
        dir: &mut Directory,
        group_id: &str,
        request: &InvitationRequest,
    ) -> Result<Invitation> {
        writable(dir, "inviteToGroup")?;
        self.user(dir)?;
        groups::invite(dir, self.tenant_id(), self.user_id(), group_id, request)
    }

    /// Asks to join `group_id`: an open group adds the person at once, an
    /// owner-approval group records a pending request, a closed one refuses. See
    /// [`groups::request_to_join`].
    pub fn request_to_join(&self, dir: &mut Directory, group_id: &str) -> Result<JoinResult> {
        writable(dir, "requestToJoin")?;
        self.user(dir)?;
        groups::request_to_join(dir, self.tenant_id(), self.user_id(), group_id)
    }

    /// The join requests this person sees: pending ones of the groups they own
    /// ([`JoinBox::ToDecide`]) or their own ([`JoinBox::Mine`]).
    pub fn join_requests(
        &self,
        dir: &Directory,
        join_box: JoinBox,
    ) -> Result<Vec<JoinRequestItem>> {
        self.user(dir)?;
        Ok(groups::join_requests(
            dir,
            self.tenant_id(),
            self.user_id(),
            join_box,
        ))
    }

    /// As an owner of the request's group, approves (the person is added) or declines
    /// a pending join request. See [`groups::decide_join_request`].
    pub fn decide_join_request(
        &self,
        dir: &mut Directory,
        request_id: &str,
        approve: bool,
    ) -> Result<JoinRequestItem> {
        writable(dir, "decideJoinRequest")?;
        self.user(dir)?;
        groups::decide_join_request(dir, self.tenant_id(), self.user_id(), request_id, approve)
    }

    /// As an owner of `group_id`, takes the user or group `member_id` out of it (and so
    /// out of the apps it reaches). See [`groups::remove_from_group`].
    pub fn remove_from_group(
        &self,
        dir: &mut Directory,
        group_id: &str,
        member_id: &str,
    ) -> Result<Group> {
        writable(dir, "removeFromGroup")?;
        self.user(dir)?;
        groups::remove_from_group(dir, self.tenant_id(), self.user_id(), group_id, member_id)
    }

    /// The apps of this tenant the person reaches, directly or through groups (nested
    /// groups counting), each with its direct link.
    pub fn my_apps(&self, dir: &Directory) -> Result<Vec<AppAccess>> {
        self.user(dir)?;
        Ok(groups::my_apps(dir, self.tenant_id(), self.user_id()))
    }

    /// "Groups I own": the groups of this tenant the person owns, each with the apps its
    /// members reach through it. See [`groups::groups_i_own`].
    pub fn groups_i_own(&self, dir: &Directory) -> Result<Vec<OwnedGroup>> {
        self.user(dir)?;
        Ok(groups::groups_i_own(dir, self.tenant_id(), self.user_id()))
    }

    /// Asks for access to a self-service app: added to its self-service group at once, or
    /// a pending request when the app requires approval. See
    /// [`groups::request_app_access`].
    pub fn request_app_access(&self, dir: &mut Directory, app_id: &str) -> Result<JoinResult> {
        writable(dir, "requestAppAccess")?;
        self.user(dir)?;
        groups::request_app_access(dir, self.tenant_id(), self.user_id(), app_id)
    }

    /// As an owner of a self-service app (or of its self-service group), invites
    /// `request.email` to the app: the account joins the app's self-service group. See
    /// [`groups::invite_to_app`].
    pub fn invite_to_app(
        &self,
        dir: &mut Directory,
        app_id: &str,
        request: &InvitationRequest,
    ) -> Result<Invitation> {
        writable(dir, "inviteToApp")?;
        self.user(dir)?;
        groups::invite_to_app(dir, self.tenant_id(), self.user_id(), app_id, request)
    }

    /// As an owner of `app_id`, the direct link to send the guest `guest` (object id, UPN
    /// or mail) already in this tenant. See [`groups::app_link`].
    pub fn app_link(&self, dir: &Directory, app_id: &str, guest: &str) -> Result<AppLink> {
        self.user(dir)?;
        groups::app_link(dir, self.tenant_id(), self.user_id(), app_id, guest)
    }
}

//! Which Microsoft service hosts a tenant's people use: the Power Automate portal, the
//! My Apps portal and the sign-in service differ per cloud, and among US Government
//! tenants GCC (directory in the commercial cloud) differs from GCC High and DoD (Azure
//! Government). Every link guestpass hands out is built on the hosts named here.

use crate::error::{Error, Result};
use crate::model::{Cloud, Tenant, UsGovernment};

/// The service offering a tenant's links point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offering {
    /// Microsoft's commercial cloud.
    Commercial,
    /// US Government Community Cloud (commercial directory, government services).
    Gcc,
    /// US Government GCC High (Azure Government).
    GccHigh,
    /// US Department of Defense (Azure Government).
    Dod,
    /// Microsoft Azure operated by 21Vianet.
    China,
}

impl Offering {
    /// Every offering.
    pub const ALL: [Offering; 5] = [
        Offering::Commercial,
        Offering::Gcc,
        Offering::GccHigh,
        Offering::Dod,
        Offering::China,
    ];

    /// The offering of `tenant`: its `usGovernment` setting, else its cloud (an Azure
    /// Government tenant that does not say is taken as GCC High).
    pub fn of(tenant: &Tenant) -> Offering {
        match (tenant.cloud, tenant.us_government) {
            (Cloud::China, _) => Offering::China,
            (_, Some(UsGovernment::Gcc)) => Offering::Gcc,
            (_, Some(UsGovernment::Dod)) => Offering::Dod,
            (Cloud::Usgov, _) => Offering::GccHigh,
            (Cloud::Global, _) => Offering::Commercial,
        }
    }

    /// The Power Automate portal (where the Approvals page lives).
    pub fn power_automate(self) -> &'static str {
        // Power Automate "Power Automate US Government" (service URLs: GCC and GCC High apart) and "Power Automate operated by 21Vianet".
        match self {
            Offering::Commercial => "https://make.powerautomate.com",
            Offering::Gcc => "https://make.gov.powerautomate.us",
            Offering::GccHigh => "https://make.high.powerautomate.us",
            Offering::Dod => "https://make.powerautomate.appsplatform.us",
            Offering::China => "https://make.powerautomate.cn",
        }
    }

    /// The My Apps portal (apps access panel).
    pub fn my_apps(self) -> &'static str {
        // Entra cross-cloud settings and "B2B collaboration invitation redemption" show myapps.microsoft.com; Azure Government's My Apps is myapps.microsoft.us (its portal configuration; no Entra page read here names it); the 21Vianet docs give account.activedirectory.windowsazure.cn/r#/applications.
        match self {
            Offering::Commercial | Offering::Gcc => "https://myapps.microsoft.com",
            Offering::GccHigh | Offering::Dod => "https://myapps.microsoft.us",
            Offering::China => "https://account.activedirectory.windowsazure.cn/r#/applications",
        }
    }

    /// The sign-in service (where invitations are redeemed).
    pub fn login(self) -> &'static str {
        // Entra "National clouds" authentication endpoints: login.microsoftonline.com, login.microsoftonline.us, login.chinacloudapi.cn.
        match self {
            Offering::Commercial | Offering::Gcc => "https://login.microsoftonline.com",
            Offering::GccHigh | Offering::Dod => "https://login.microsoftonline.us",
            Offering::China => "https://login.chinacloudapi.cn",
        }
    }
}

/// Refuses a `usGovernment` offering that does not live in the tenant's cloud (GCC in
/// `global`, GCC High and DoD in `usgov`) with `INVALID_VALUE`.
pub fn check_us_government(tenant: &Tenant) -> Result<()> {
    match tenant.us_government {
        Some(g) if g.cloud() != tenant.cloud => Err(Error::InvalidValue {
            field: format!("tenants[{}].usGovernment", tenant.id),
            reason: format!(
                "\"{}\" tenants live in the \"{}\" cloud, not \"{}\"",
                g.as_str(),
                g.cloud().as_str(),
                tenant.cloud.as_str()
            ),
        }),
        _ => Ok(()),
    }
}

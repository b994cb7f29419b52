//! The search benchmark's cached people (`target/bench-data/people-N-seed42.json`, written
//! by `benches/search-data.mjs`), for the native examples (included by `#[path]`).

use guestpass::search::Person;

/// The searchable fields of one cached person.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    display_name: String,
    given_name: Option<String>,
    surname: Option<String>,
    mail: Option<String>,
    #[serde(default)]
    other_mails: Vec<String>,
    user_principal_name: String,
    job_title: Option<String>,
}

impl User {
    /// The person as the index reads it.
    pub fn person(&self) -> Person<'_> {
        Person {
            display_name: &self.display_name,
            given_name: self.given_name.as_deref(),
            surname: self.surname.as_deref(),
            mail: self.mail.as_deref(),
            other_mails: &self.other_mails,
            user_principal_name: &self.user_principal_name,
            job_title: self.job_title.as_deref(),
        }
    }
}

/// The cached people of the `users`-person dataset.
pub fn load(users: &str) -> Result<Vec<User>, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(format!("target/bench-data/people-{users}-seed42.json"))?;
    Ok(serde_json::from_str(&text)?)
}

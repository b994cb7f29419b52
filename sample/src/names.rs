//! People's names from many cultures, each with the plain-ASCII form its mail address uses.
//!
//! Every name carries its own romanization (`Déborah` → `deborah`, `山田` → `yamada`,
//! `O'Brien` → `obrien`), so no transliteration code is needed and the mapping is exactly
//! what a reader sees here. ASCII forms are unique among given names and among surnames,
//! so `given.surname` names one pair of entries and mail addresses can be made unique
//! by counting pairs. Surnames that change with gender in their language (Polish,
//! Russian, Greek) are drawn only from forms that do not, so no generated name pairs a
//! man's given name with a woman's surname form.

use super::dice::Dice;
use std::fmt::Write;

/// How a culture writes a full name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Order {
    /// `Given Surname`.
    GivenFirst,
    /// `Surname Given` (Japanese).
    SurnameFirstSpaced,
    /// `SurnameGiven` (Chinese).
    SurnameFirstJoined,
}

/// A name as shown, and as spelled in a mail address.
type Entry = (&'static str, &'static str);

/// Packs `(shown, ascii)` pairs into one string at compile time, each pair as
/// `shown` U+001F `ascii` U+001E: one string in the Wasm module instead of two `&str`
/// (a pointer and a length each) per name. [`Lists`] unpacks them.
macro_rules! names {
    ($(($shown:literal, $ascii:literal)),* $(,)?) => {
        concat!($($shown, "\u{1f}", $ascii, "\u{1e}"),*)
    };
}

/// Names of one culture.
pub(super) struct Culture {
    /// Relative frequency among generated people.
    weight: u32,
    /// Written in Latin script (only these mix given names and surnames across cultures).
    latin: bool,
    /// How the full name is written.
    order: Order,
    /// Given names, packed by [`names!`].
    given: &'static str,
    /// Surnames, packed by [`names!`].
    surnames: &'static str,
}

/// The name lists of every culture, unpacked once.
struct Lists {
    /// Given names, by culture.
    given: Vec<Vec<Entry>>,
    /// Surnames, by culture.
    surnames: Vec<Vec<Entry>>,
}

fn unpack(packed: &'static str) -> Vec<Entry> {
    packed
        .split_terminator('\u{1e}')
        .filter_map(|pair| pair.split_once('\u{1f}'))
        .collect()
}

fn lists() -> &'static Lists {
    static LISTS: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| Lists {
        given: CULTURES.iter().map(|c| unpack(c.given)).collect(),
        surnames: CULTURES.iter().map(|c| unpack(c.surnames)).collect(),
    })
}

/// The cultures names are drawn from.
static CULTURES: &[Culture] = &[
    Culture {
        weight: 18,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("James", "james"),
            ("Mary", "mary"),
            ("Olivia", "olivia"),
            ("Liam", "liam"),
            ("Emma", "emma"),
            ("Noah", "noah"),
            ("Sophie", "sophie"),
            ("Oliver", "oliver"),
            ("Grace", "grace"),
            ("Jack", "jack"),
            ("Chloe", "chloe"),
            ("Harry", "harry"),
            ("Emily", "emily"),
            ("Thomas", "thomas"),
            ("Ella", "ella"),
            ("William", "william"),
            ("Charlotte", "charlotte"),
            ("Daniel", "daniel"),
            ("Hannah", "hannah"),
            ("Samuel", "samuel"),
            ("Annie", "annie"),
            ("Alison", "alison"),
        ],
        surnames: names![
            ("Smith", "smith"),
            ("Johnson", "johnson"),
            ("Williams", "williams"),
            ("Brown", "brown"),
            ("Jones", "jones"),
            ("Taylor", "taylor"),
            ("Wilson", "wilson"),
            ("Davies", "davies"),
            ("Evans", "evans"),
            ("Walker", "walker"),
            ("Wright", "wright"),
            ("Thompson", "thompson"),
            ("Clarke", "clarke"),
            ("Hughes", "hughes"),
            ("Edwards", "edwards"),
            ("Turner", "turner"),
            ("Hill", "hill"),
            ("Moore", "moore"),
            ("Wood", "wood"),
            ("Harris", "harris"),
        ],
    },
    Culture {
        weight: 6,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Seán", "sean"),
            ("Siobhán", "siobhan"),
            ("Aoife", "aoife"),
            ("Ciarán", "ciaran"),
            ("Niamh", "niamh"),
            ("Pádraig", "padraig"),
            ("Róisín", "roisin"),
            ("Eoin", "eoin"),
        ],
        surnames: names![
            ("O'Brien", "obrien"),
            ("O'Connor", "oconnor"),
            ("O'Sullivan", "osullivan"),
            ("Murphy", "murphy"),
            ("Kelly", "kelly"),
            ("McCarthy", "mccarthy"),
            ("Byrne", "byrne"),
            ("Fitzgerald", "fitzgerald"),
        ],
    },
    Culture {
        weight: 8,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Déborah", "deborah"),
            ("Zoë", "zoe"),
            ("Jean-Luc", "jean-luc"),
            ("Hélène", "helene"),
            ("François", "francois"),
            ("Amélie", "amelie"),
            ("Jérôme", "jerome"),
            ("Céline", "celine"),
            ("Anaïs", "anais"),
            ("Benoît", "benoit"),
            ("Marie-Claire", "marie-claire"),
            ("Léa", "lea"),
        ],
        surnames: names![
            ("Lefèvre", "lefevre"),
            ("Dubois", "dubois"),
            ("Moreau", "moreau"),
            ("Girard", "girard"),
            ("Rousseau", "rousseau"),
            ("Fournier", "fournier"),
            ("Bonnet", "bonnet"),
            ("de la Fontaine", "delafontaine"),
            ("Lévesque", "levesque"),
            ("Mercier", "mercier"),
            ("Faure", "faure"),
            ("Chevalier", "chevalier"),
        ],
    },
    Culture {
        weight: 8,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("José", "jose"),
            ("María", "maria"),
            ("Lucía", "lucia"),
            ("Álvaro", "alvaro"),
            ("Inés", "ines"),
            ("Javier", "javier"),
            ("Carmen", "carmen"),
            ("Andrés", "andres"),
            ("Nuria", "nuria"),
            ("Sergio", "sergio"),
            ("Pilar", "pilar"),
            ("Raúl", "raul"),
        ],
        surnames: names![
            ("García-López", "garcia-lopez"),
            ("de la Cruz", "delacruz"),
            ("Fernández", "fernandez"),
            ("Martínez", "martinez"),
            ("Sánchez", "sanchez"),
            ("Pérez-Gómez", "perez-gomez"),
            ("Núñez", "nunez"),
            ("Rodríguez", "rodriguez"),
            ("Ortega", "ortega"),
            ("Castillo", "castillo"),
            ("del Río", "delrio"),
            ("Muñoz", "munoz"),
        ],
    },
    Culture {
        weight: 5,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Giulia", "giulia"),
            ("Marco", "marco"),
            ("Francesca", "francesca"),
            ("Luca", "luca"),
            ("Chiara", "chiara"),
            ("Matteo", "matteo"),
            ("Alessandro", "alessandro"),
            ("Beatrice", "beatrice"),
        ],
        surnames: names![
            ("D'Angelo", "dangelo"),
            ("Rossi", "rossi"),
            ("Bianchi", "bianchi"),
            ("Esposito", "esposito"),
            ("Romano", "romano"),
            ("De Luca", "deluca"),
            ("Ricci", "ricci"),
            ("Conti", "conti"),
            ("Di Stefano", "distefano"),
        ],
    },
    Culture {
        weight: 7,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Jürgen", "jurgen"),
            ("Anke", "anke"),
            ("Lukas", "lukas"),
            ("Maximilian", "maximilian"),
            ("Greta", "greta"),
            ("Jan", "jan"),
            ("Femke", "femke"),
            ("Daan", "daan"),
            ("Lieke", "lieke"),
            ("Klaus", "klaus"),
        ],
        surnames: names![
            ("van der Berg", "vanderberg"),
            ("von Trapp", "vontrapp"),
            ("Müller", "muller"),
            ("Schmidt", "schmidt"),
            ("Schröder", "schroder"),
            ("de Vries", "devries"),
            ("van Dijk", "vandijk"),
            ("Bakker", "bakker"),
            ("Jansen", "jansen"),
            ("Weiß", "weiss"),
            ("Fischer", "fischer"),
            ("Vogel", "vogel"),
        ],
    },
    Culture {
        weight: 4,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Åsa", "asa"),
            ("Björn", "bjorn"),
            ("Sigrid", "sigrid"),
            ("Lars", "lars"),
            ("Søren", "soren"),
            ("Ingrid", "ingrid"),
            ("Freja", "freja"),
            ("Nils", "nils"),
        ],
        surnames: names![
            ("Ångström", "angstrom"),
            ("Lindqvist", "lindqvist"),
            ("Åberg", "aberg"),
            ("Johansson", "johansson"),
            ("Nørgaard", "norgaard"),
            ("Sørensen", "sorensen"),
            ("Eriksson", "eriksson"),
        ],
    },
    Culture {
        weight: 5,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Łukasz", "lukasz"),
            ("Małgorzata", "malgorzata"),
            ("Krzysztof", "krzysztof"),
            ("Agnieszka", "agnieszka"),
            ("Tomasz", "tomasz"),
            ("Zofia", "zofia"),
            ("Jiří", "jiri"),
            ("Kateřina", "katerina"),
        ],
        surnames: names![
            ("Kowalczyk", "kowalczyk"),
            ("Wójcik", "wojcik"),
            ("Nowak", "nowak"),
            ("Mazur", "mazur"),
            ("Krawczyk", "krawczyk"),
            ("Kaczmarek", "kaczmarek"),
            ("Woźniak", "wozniak"),
            ("Dudek", "dudek"),
        ],
    },
    Culture {
        weight: 3,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Çağlar", "caglar"),
            ("Ayşe", "ayse"),
            ("Mehmet", "mehmet"),
            ("Elif", "elif"),
            ("Emre", "emre"),
            ("Zeynep", "zeynep"),
        ],
        surnames: names![
            ("Şahin", "sahin"),
            ("Yılmaz", "yilmaz"),
            ("Öztürk", "ozturk"),
            ("Demir", "demir"),
            ("Kaya", "kaya"),
            ("Çelik", "celik"),
        ],
    },
    Culture {
        weight: 5,
        latin: false,
        order: Order::SurnameFirstSpaced,
        given: names![
            ("太郎", "taro"),
            ("花子", "hanako"),
            ("健二", "kenji"),
            ("由美", "yumi"),
            ("翔", "sho"),
            ("陽菜", "hina"),
            ("大輔", "daisuke"),
            ("美咲", "misaki"),
        ],
        surnames: names![
            ("山田", "yamada"),
            ("佐藤", "sato"),
            ("鈴木", "suzuki"),
            ("高橋", "takahashi"),
            ("田中", "tanaka"),
            ("伊藤", "ito"),
            ("渡辺", "watanabe"),
            ("中村", "nakamura"),
        ],
    },
    Culture {
        weight: 5,
        latin: false,
        order: Order::SurnameFirstJoined,
        given: names![
            ("伟", "wei"),
            ("芳", "fang"),
            ("静", "jing"),
            ("强", "qiang"),
            ("磊", "lei"),
            ("娜", "na"),
            ("军", "jun"),
            ("敏", "min"),
        ],
        surnames: names![
            ("王", "wang"),
            ("李", "li"),
            ("张", "zhang"),
            ("刘", "liu"),
            ("陈", "chen"),
            ("杨", "yang"),
            ("黄", "huang"),
            ("赵", "zhao"),
        ],
    },
    Culture {
        weight: 4,
        latin: false,
        order: Order::GivenFirst,
        given: names![
            ("Иван", "ivan"),
            ("Ольга", "olga"),
            ("Дмитрий", "dmitry"),
            ("Наталья", "natalya"),
            ("Сергей", "sergey"),
            ("Анастасия", "anastasia"),
            ("Алексей", "alexey"),
            ("Екатерина", "ekaterina"),
        ],
        surnames: names![
            ("Черных", "chernykh"),
            ("Долгих", "dolgikh"),
            ("Кравченко", "kravchenko"),
            ("Бондаренко", "bondarenko"),
            ("Шевчук", "shevchuk"),
            ("Петренко", "petrenko"),
            ("Седых", "sedykh"),
            ("Коваленко", "kovalenko"),
        ],
    },
    Culture {
        weight: 3,
        latin: false,
        order: Order::GivenFirst,
        given: names![
            ("Σοφία", "sofia"),
            ("Γιώργος", "giorgos"),
            ("Ελένη", "eleni"),
            ("Νίκος", "nikos"),
            ("Δήμητρα", "dimitra"),
            ("Κώστας", "kostas"),
        ],
        surnames: names![
            ("Δημητρίου", "dimitriou"),
            ("Ιωάννου", "ioannou"),
            ("Γεωργίου", "georgiou"),
            ("Οικονόμου", "oikonomou"),
            ("Νικολάου", "nikolaou"),
            ("Αντωνίου", "antoniou"),
        ],
    },
    Culture {
        weight: 4,
        latin: false,
        order: Order::GivenFirst,
        given: names![
            ("محمد", "mohammed"),
            ("فاطمة", "fatima"),
            ("أحمد", "ahmed"),
            ("ليلى", "layla"),
            ("عمر", "omar"),
            ("نور", "nour"),
            ("يوسف", "youssef"),
            ("مريم", "maryam"),
        ],
        surnames: names![
            ("العلي", "alali"),
            ("حداد", "haddad"),
            ("الحسن", "alhassan"),
            ("منصور", "mansour"),
            ("خليل", "khalil"),
            ("الخطيب", "alkhatib"),
        ],
    },
    Culture {
        weight: 6,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Priya", "priya"),
            ("Arjun", "arjun"),
            ("Ananya", "ananya"),
            ("Rohan", "rohan"),
            ("Kavya", "kavya"),
            ("Vikram", "vikram"),
            ("Deepika", "deepika"),
            ("Rahul", "rahul"),
        ],
        surnames: names![
            ("Venkataraman", "venkataraman"),
            ("Sharma", "sharma"),
            ("Patel", "patel"),
            ("Iyer", "iyer"),
            ("Reddy", "reddy"),
            ("Gupta", "gupta"),
            ("Nair", "nair"),
            ("Banerjee", "banerjee"),
        ],
    },
    Culture {
        weight: 3,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("Thảo", "thao"),
            ("Minh", "minh"),
            ("Linh", "linh"),
            ("Quang", "quang"),
            ("Hương", "huong"),
            ("Tuấn", "tuan"),
        ],
        surnames: names![
            ("Nguyễn", "nguyen"),
            ("Trần", "tran"),
            ("Lê", "le"),
            ("Phạm", "pham"),
            ("Hoàng", "hoang"),
            ("Võ", "vo"),
        ],
    },
    Culture {
        weight: 4,
        latin: true,
        order: Order::GivenFirst,
        given: names![
            ("João", "joao"),
            ("Gonçalo", "goncalo"),
            ("Beatriz", "beatriz"),
            ("Tiago", "tiago"),
            ("Mariana", "mariana"),
            ("Rafael", "rafael"),
        ],
        surnames: names![
            ("Gonçalves", "goncalves"),
            ("Conceição", "conceicao"),
            ("dos Santos", "dossantos"),
            ("Araújo", "araujo"),
            ("Silva", "silva"),
            ("Ferreira", "ferreira"),
        ],
    },
];

/// Job titles members carry.
static JOB_TITLES: &[&str] = &[
    "Account Executive",
    "Accountant",
    "Business Analyst",
    "Chief Financial Officer",
    "Customer Success Manager",
    "Data Engineer",
    "Data Scientist",
    "Facilities Coordinator",
    "Financial Analyst",
    "HR Generalist",
    "IT Support Specialist",
    "Legal Counsel",
    "Marketing Manager",
    "Office Manager",
    "Operations Analyst",
    "Procurement Specialist",
    "Product Designer",
    "Product Manager",
    "Project Manager",
    "Quality Engineer",
    "Recruiter",
    "Sales Representative",
    "Security Engineer",
    "Software Engineer",
    "Solutions Architect",
    "Supply Chain Planner",
    "Technical Writer",
    "UX Researcher",
];

/// A drawn person's name.
#[derive(Debug, Clone)]
pub(super) struct PersonName {
    /// First name as written.
    pub given: &'static str,
    /// Last name as written.
    pub surname: &'static str,
    /// Full name as written in the person's culture.
    pub display: String,
    /// First name in lower-case ASCII.
    given_ascii: &'static str,
    /// Last name in lower-case ASCII.
    surname_ascii: &'static str,
    /// Identifies the (given, surname) pair, below [`pair_count`]: equal pairs mean
    /// equal mail local parts.
    pub pair: usize,
}

impl PersonName {
    /// `given.surname[repeat]@domain`; the number is left out for the first person with
    /// this pair of names (`repeat` 1).
    pub fn mail(&self, repeat: u32, domain: &str) -> String {
        let mut mail = String::with_capacity(
            self.given_ascii.len() + self.surname_ascii.len() + domain.len() + 12,
        );
        mail.push_str(self.given_ascii);
        mail.push('.');
        mail.push_str(self.surname_ascii);
        if repeat > 1 {
            // Writing to a String cannot fail.
            let _ = write!(mail, "{repeat}");
        }
        mail.push('@');
        mail.push_str(domain);
        mail
    }
}

/// The strings joined, allocated once at their final size.
fn joined(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

fn given_total() -> usize {
    lists().given.iter().map(Vec::len).sum()
}

/// How many entries the lists of the cultures before `upto` hold together.
fn offset(upto: usize, lists: &[Vec<Entry>]) -> usize {
    lists.iter().take(upto).map(Vec::len).sum()
}

/// How many distinct (given, surname) pairs there are; [`PersonName::pair`] is below it.
pub(super) fn pair_count() -> usize {
    given_total() * lists().surnames.iter().map(Vec::len).sum::<usize>()
}

/// Draws a name: a culture by weight, then a given name and a surname; Latin-script
/// names sometimes take a surname from another Latin-script culture.
pub(super) fn draw(dice: &mut Dice) -> PersonName {
    let lists = lists();
    let ci = dice.weighted(CULTURES, |c| c.weight);
    let culture = &CULTURES[ci];
    let given_names = &lists.given[ci];
    let gi = dice.below(given_names.len());
    let mut sci = ci;
    if culture.latin && dice.percent(15) {
        let other = dice.below(CULTURES.len());
        if CULTURES[other].latin {
            sci = other;
        }
    }
    let surnames = &lists.surnames[sci];
    let si = dice.below(surnames.len());
    let (given, given_ascii) = given_names[gi];
    let (surname, surname_ascii) = surnames[si];
    let display = match culture.order {
        Order::GivenFirst => joined(&[given, " ", surname]),
        Order::SurnameFirstSpaced => joined(&[surname, " ", given]),
        Order::SurnameFirstJoined => joined(&[surname, given]),
    };
    let global_given = offset(ci, &lists.given) + gi;
    let global_surname = offset(sci, &lists.surnames) + si;
    PersonName {
        given,
        surname,
        display,
        given_ascii,
        surname_ascii,
        pair: global_surname * given_total() + global_given,
    }
}

/// Draws a job title.
pub(super) fn job_title(dice: &mut Dice) -> &'static str {
    JOB_TITLES[dice.below(JOB_TITLES.len())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ascii_forms_are_unique_plain_and_dotless() {
        for list in [&lists().given, &lists().surnames] {
            let mut seen = HashSet::new();
            for culture in list {
                for (shown, ascii) in culture {
                    assert!(
                        seen.insert(*ascii),
                        "duplicate ASCII form {ascii} ({shown})"
                    );
                    assert!(
                        ascii.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                        "{ascii}"
                    );
                }
            }
        }
    }

    #[test]
    fn pairs_are_dense_and_name_their_mail() {
        let mut dice = Dice::new(1);
        let mut mails = std::collections::HashMap::new();
        for _ in 0..20_000 {
            let n = draw(&mut dice);
            assert!(n.pair < pair_count());
            let mail = n.mail(1, "x.com");
            assert_eq!(*mails.entry(n.pair).or_insert_with(|| mail.clone()), mail);
        }
        assert_eq!(mails.len(), mails.values().collect::<HashSet<_>>().len());
        assert!(CULTURES.iter().all(|c| c.weight > 0));
    }
}

// The people-search benchmark's second dataset, unlike the sample world: one large
// organisation (plus its guests) with the address forms real directories have —
// first.last, flast, initials with digits, last.first, employee-number UPNs, admin
// accounts (`jsmith.admin`, "Smith, John (Admin)") and functional mailboxes (`support`,
// `user.admin`, `payroll-emea`) — few repeated names (given names crossed with surnames
// built from shared stems, so many people share prefixes such as "Mar", "Chr", "Ber"),
// middle initials, hyphenated and particle surnames, "Last, First" display names, long job
// titles. Seeded, so every run and every engine sees the same people.
//
//   import { variedPeople, worldOf } from "./people-varied.mjs";
//   const people = variedPeople({ users: 100000, seed: 42 });   // records as search.mjs uses them
//   const { world, people: kept } = worldOf(people);            // a Directory's world JSON
import { mulberry32 } from "./random.mjs";

const GIVEN = (
  "James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph Jessica " +
  "Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa Matthew Betty Anthony Margaret Mark Sandra Donald Ashley " +
  "Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa " +
  "Timothy Deborah Ronald Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy " +
  "Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen " +
  "Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet " +
  "Jack Catherine Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia " +
  "Zachary Victoria Douglas Kelly Peter Lauren Kyle Christina Noah Joan Ethan Evelyn Jeremy Judith Walter Megan " +
  "Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline Austin Martha Sean Gloria Gerald Teresa Carl Ann " +
  "Harold Sara Dylan Madison Arthur Frances Lawrence Kathryn Jordan Janice Jesse Jean Bryan Abigail Billy Alice " +
  "Bruce Judy Gabriel Sophia Joe Grace Logan Denise Alan Amber Juan Doris Albert Marilyn Willie Danielle Elijah " +
  "Beverly Wayne Isabella Randy Theresa Vincent Diana Mason Natalie Roy Brittany Ralph Charlotte Bobby Marie Russell " +
  "Kayla Bradley Alexis Philip Lori Eugene Ahmed Fatima Mohammed Aisha Omar Layla Yusuf Mariam Hassan Zainab Wei " +
  "Li Jun Mei Hao Xin Yan Lei Hiroshi Yuki Takashi Haruka Kenji Sakura Min-jun Ji-woo Seo-yeon Priya Rahul Ananya " +
  "Arjun Deepika Vikram Sneha Rohan Kavya Aditya Pooja Olga Dmitri Svetlana Ivan Natasha Sergei Katarzyna Piotr " +
  "Agnieszka Tomasz Magdalena Krzysztof Lars Ingrid Sven Astrid Nils Freya Björn Sigrid Jürgen Anke Lukas Lena " +
  "Matthias Annika François Amélie Léa Théo Chloé Hélène José Lucía Álvaro Sofía Martín Valentina Joaquín Camila " +
  "Giulia Marco Francesca Luca Chiara Matteo Sinéad Siobhán Niamh Ciarán Oisín Aoife Kwame Ama Chinedu Ngozi Tunde " +
  "Folake Thabo Lerato Sipho Zanele Mateus Beatriz Gonçalo Inês Marta Ana Anne Anneliese Annette Christa Christel " +
  "Marek Marcel Marcela Marianne Mariana Marina Mario Marion Marius Martina Bernard Bernadette Berit Bertrand"
).split(" ");

// Surname stems and endings: crossed, they give thousands of surnames that share prefixes.
const STEMS = (
  "Mar Chr And Ber Sch Mac Mc Fitz Hen Kar Lin Ols Pet Han Jen Nil Eri Sven Ros Rich Wil Ed Rob Har Wal Cal " +
  "Dav Ste Tho Gar Hern Lop Gon Rod Fer San Ram Tor Flor Riv Mor Ort Cas Mend Gut Ch Kow Now Wis Zi Lew Kam " +
  "Ben Bra Bro Cam Car Col Cra Dan Dun Ell Far Fos Gil Gra Gre Hal Hol Hug Jam Kel Kin Law Lon Mil Mon Mur " +
  "Nor Pal Par Ree Sim Sta Tay Tur Wat Wes Whi Woo Yor Abe Ada Ald Ash Bai Bar Bel Bla Bur But Cla Coo Cun"
).split(" ");
const ENDINGS = (
  "tin tinez tensen ensen sen son ssen tinsson dersen gensen ley ling ton field ford wood worth more man mann " +
  "ner ler ker ger berg bergh strom quist lund holm ez es os ova ski ska wicz czyk ello etti ini ano elli " +
  "ard aud eau ier ot ault ham hill ridge well by stone"
).split(" ");
const FAMILY = (
  "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson " +
  "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson " +
  "Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell " +
  "Mitchell Carter Roberts Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Sato Suzuki Takahashi Tanaka Watanabe " +
  "Kim Park Choi Jung Kang Patel Sharma Singh Kumar Gupta Reddy Iyer Nair Ivanov Petrova Kowalski Nowak Müller " +
  "Schmidt Schneider Fischer Weber Meyer Wagner Becker Dubois Lefèvre Moreau Laurent Rossi Russo Ferrari Esposito " +
  "O'Brien O'Connor O'Sullivan Ó Súilleabháin MacDonald McCarthy Okafor Adeyemi Mensah Dlamini Nkosi Silva Santos " +
  "Pereira Costa Oliveira Jensen Nielsen Hansen Andersson Johansson Karlsson Nilsson Eriksson Larsson Svensson " +
  "Papadopoulos Yılmaz Kaya Demir Şahin Cohen Levi Mizrahi Haddad Khalil Hussein Rahman Hossain"
).split(" ");
const PARTICLES = ["van", "van der", "de", "de la", "von", "da", "di", "del", "dos", "al-", "bin", "le"];
const FUNCTIONAL = [
  ["Support", "support"],
  ["IT Support", "it.support"],
  ["Service Desk", "servicedesk"],
  ["User Admin", "user.admin"],
  ["User Administration", "useradmin"],
  ["Payroll", "payroll"],
  ["Human Resources", "hr"],
  ["Recruiting", "recruiting"],
  ["Accounts Payable", "accounts.payable"],
  ["Facilities", "facilities"],
  ["Security Operations", "secops"],
  ["No Reply", "noreply"],
  ["Sales Team", "sales"],
  ["Customer Success", "customer.success"],
  ["Marketing Events", "marketing.events"],
  ["Legal Notices", "legal"],
  ["Travel Desk", "travel"],
  ["Build Service", "svc.build"],
  ["Backup Service", "svc.backup"],
  ["Scanner", "scanner"],
];
const REGIONS = ["", "EMEA", "APAC", "Americas", "UK", "DE", "FR", "US East", "US West", "Nordics", "India", "Japan"];
const SENIORITY = ["", "", "Junior ", "Senior ", "Senior ", "Lead ", "Principal ", "Senior Principal ", "Staff ", "Associate ", "Distinguished ", "Chief "];
const DISCIPLINE = [
  "Software Engineering", "Site Reliability Engineering", "Data Science", "Product Management", "Program Management",
  "Customer Success", "Business Development", "Financial Planning and Analysis", "Supply Chain Operations",
  "Human Resources", "Talent Acquisition", "Legal and Corporate Affairs", "Information Security", "Cloud Infrastructure",
  "User Experience Research", "Technical Account Management", "Marketing Communications", "Procurement",
  "Regulatory Compliance", "Quality Assurance", "Field Service", "Research and Development", "Internal Audit",
];
const ROLE = ["Engineer", "Manager", "Director", "Analyst", "Specialist", "Consultant", "Architect", "Coordinator", "Administrator", "Vice President", "Lead", "Partner", "Advisor"];
const AREA = [
  "", "", "", ", Cloud Infrastructure and Platform Reliability", ", Europe, Middle East and Africa", ", Global Accounts",
  ", Enterprise and Public Sector", ", Identity and Access Management", ", Strategic Partnerships", " (Contractor)",
  ", Office of the Chief Technology Officer", ", Americas", ", Asia Pacific and Japan", " - Manufacturing Operations",
];
const GUEST_DOMAINS = ["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me"];
/** Partner tenants: guests from them name them as their home. */
export const PARTNERS = [
  { id: "fabrikam", displayName: "Fabrikam, Inc.", domain: "fabrikam.com" },
  { id: "adatum", displayName: "Adatum Corporation", domain: "adatum.com" },
  { id: "contoso", displayName: "Contoso Ltd", domain: "contoso.com" },
  { id: "litware", displayName: "Litware Inc.", domain: "litwareinc.com" },
  { id: "tailspin", displayName: "Tailspin Toys", domain: "tailspintoys.com" },
];
/** The organisation everyone belongs to (members) or is a guest of. */
export const ORG = { id: "northwind", displayName: "Northwind Traders", domain: "northwindtraders.com", initialDomain: "northwindtraders.onmicrosoft.com" };

const ascii = (s) => s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[^a-z0-9-]/g, "");

/** A deterministic GUID-like id for person `n`. */
function guid(n, draw) {
  const hex = (k) => Math.floor(draw() * 16 ** k).toString(16).padStart(k, "0");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + (n % 4)).toString(16)}${hex(3)}-${n.toString(16).padStart(12, "0")}`;
}

/**
 * `users` people (seeded): about 87% members of Northwind, 12% guests (half from partner
 * tenants, half from consumer mail), 1% functional mailboxes and admin accounts. Fields:
 * id, displayName, givenName, surname, mail, otherMails, userPrincipalName, jobTitle,
 * userType, and for guests homeTenantId (partners only) and externalUserState.
 */
export function variedPeople({ users, seed = 42 }) {
  const draw = mulberry32(seed);
  const pick = (list) => list[Math.floor(draw() * list.length)];
  // Skewed pick: common names are commoner (a square keeps the head heavy, the tail long).
  const skew = (list) => list[Math.floor(draw() * draw() * list.length)];
  const taken = new Set();
  const next = new Map();
  const unique = (local, domain) => {
    let address = `${local}@${domain}`;
    // The next number to try for this local part, so a common one is not probed from 2.
    let n = next.get(address) ?? 2;
    const first = address;
    while (taken.has(address)) address = `${local}${n++}@${domain}`;
    if (address !== first) next.set(first, n);
    taken.add(address);
    return address;
  };
  const surname = () => {
    const r = draw();
    if (r < 0.45) return skew(FAMILY);
    const base = pick(STEMS) + pick(ENDINGS);
    if (r < 0.5) return `${pick(PARTICLES)} ${base}`.replace("- ", "-");
    if (r < 0.54) return `${base}-${skew(FAMILY)}`;
    return base;
  };
  const jobTitle = () => (draw() < 0.08 ? undefined : `${pick(SENIORITY)}${pick(DISCIPLINE)} ${pick(ROLE)}${pick(AREA)}`);
  const out = [];
  for (let n = 0; n < users; n++) {
    const id = guid(n, draw);
    const kind = draw();
    if (kind < 0.01) {
      out.push(kind < 0.005 ? functional(id, pick, unique) : adminAccount(id, out, draw, unique));
      continue;
    }
    const given = skew(GIVEN);
    const family = surname();
    const middle = draw() < 0.15 ? `${String.fromCharCode(65 + Math.floor(draw() * 26))}. ` : "";
    const lastName = family.replace(/^al- /, "al-");
    const style = draw();
    const displayName = style < 0.12 ? `${lastName}, ${given}` : `${given} ${middle}${lastName}`;
    const g = ascii(given);
    const s = ascii(lastName.replace(/\s+/g, ""));
    const form = draw();
    const local =
      form < 0.45 ? `${g}.${s}` : form < 0.65 ? `${g[0]}${s}` : form < 0.8 ? `${g[0]}${middle ? ascii(middle) : ""}${s[0]}${Math.floor(draw() * 9000 + 1000)}` : form < 0.9 ? `${s}.${g}` : `${g}_${s}`;
    const person = { id, displayName, givenName: given, surname: lastName };
    if (kind < 0.13) {
      // A guest: from a partner tenant (its home in the world) or a consumer address.
      const partner = draw() < 0.5 ? pick(PARTNERS) : undefined;
      const mail = unique(local, partner ? partner.domain : pick(GUEST_DOMAINS));
      Object.assign(person, {
        mail,
        userPrincipalName: `${mail.replace("@", "_")}#EXT#@${ORG.initialDomain}`,
        userType: "Guest",
        externalUserState: draw() < 0.04 ? "PendingAcceptance" : "Accepted",
      });
      if (partner) person.homeTenantId = partner.id;
      if (partner && draw() < 0.5) person.jobTitle = jobTitle();
    } else {
      const mail = unique(local, ORG.domain);
      const upn = draw() < 0.1 ? unique(`e${String(100000 + n)}`, ORG.domain) : mail;
      Object.assign(person, { mail, userPrincipalName: upn, userType: "Member", jobTitle: jobTitle() });
      if (draw() < 0.05) person.otherMails = [unique(`${g}${s}${Math.floor(draw() * 90 + 10)}`, pick(GUEST_DOMAINS))];
    }
    if (!person.jobTitle) delete person.jobTitle;
    out.push(person);
  }
  return out;
}

/** A functional mailbox: "Support EMEA", support.emea@… (numbered when taken). */
function functional(id, pick, unique) {
  const [name, local] = pick(FUNCTIONAL);
  const region = pick(REGIONS);
  const suffix = region ? `-${ascii(region.replace(/\s+/g, ""))}` : "";
  const mail = unique(`${local}${suffix}`, ORG.domain);
  return { id, displayName: region ? `${name} ${region}` : name, mail, userPrincipalName: mail, userType: "Member" };
}

/** An admin account of an earlier person: "Smith, John (Admin)", jsmith.admin@ or adm-jsmith@. */
function adminAccount(id, earlier, draw, unique) {
  const owner = earlier.length > 0 ? earlier[Math.floor(draw() * earlier.length)] : undefined;
  if (!owner?.givenName) return { id, displayName: "Administrator", mail: unique("admin", ORG.domain), userPrincipalName: unique("administrator", ORG.domain), userType: "Member" };
  const base = ascii(owner.givenName)[0] + ascii(owner.surname.replace(/\s+/g, ""));
  const mail = unique(draw() < 0.5 ? `${base}.admin` : `adm-${base}`, ORG.domain);
  return {
    id,
    displayName: `${owner.surname}, ${owner.givenName} (Admin)`,
    givenName: owner.givenName,
    surname: owner.surname,
    mail,
    userPrincipalName: mail,
    userType: "Member",
    jobTitle: "Privileged Access Account",
  };
}

/**
 * A world JSON (`Directory.fromJSON`) holding `people` in one tenant, whose guest access
 * is `guestAccess` (`sameAsMember` by default: guests search as members do), with the
 * partner tenants guests name as home. People whose sign-in name another already has are
 * left out (the sample world's five tenants, merged, can repeat one); `people` answers
 * those kept, which every engine then indexes.
 */
export function worldOf(people, { tenant = ORG, guestAccess = "sameAsMember" } = {}) {
  const tenants = [
    { id: tenant.id, displayName: tenant.displayName, domains: [tenant.domain], initialDomain: tenant.initialDomain, settings: { guestAccess } },
    ...PARTNERS.map((p) => ({ id: p.id, displayName: p.displayName, domains: [p.domain], initialDomain: `${p.id}.onmicrosoft.com` })),
  ];
  const seen = new Set();
  const kept = [];
  const users = [];
  for (const p of people) {
    const upn = p.userPrincipalName.toLowerCase();
    if (seen.has(upn)) continue;
    seen.add(upn);
    kept.push(p);
    const u = { ...p, tenantId: tenant.id };
    if (u.userType === "Guest" && !u.externalUserState) u.externalUserState = "Accepted";
    users.push(u);
  }
  return { world: { tenants, users }, people: kept };
}

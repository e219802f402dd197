// Word lists for synthetic demo registers. Every name is combined at random from these
// lists; every street, town and organisation is invented. Nothing here describes a real case.

export const GIVEN_NAMES = [
  // English, Welsh, Scottish, Irish
  'James', 'Oliver', 'Thomas', 'Daniel', 'Matthew', 'Liam', 'Connor', 'Rhys', 'Gareth', 'Dylan', 'Owain', 'Callum', 'Fraser',
  'Sean', 'Declan', 'Ciaran', 'Lee', 'Craig', 'Wayne', 'Darren', 'Stuart', 'Graham', 'Keith', 'Barry', 'Nigel', 'Paul',
  'Sarah', 'Emma', 'Rebecca', 'Cerys', 'Siân', 'Niamh', 'Aoife', 'Kirsty', 'Leanne', 'Donna', 'Michelle', 'Karen',
  // South Asian
  'Imran', 'Asif', 'Rajesh', 'Sanjay', 'Harpreet', 'Gurpreet', 'Zubair', 'Tariq', 'Faisal', 'Vikram', 'Nadia', 'Priya', 'Ayesha',
  // Caribbean and African
  'Delroy', 'Winston', 'Marlon', 'Tyrone', 'Jermaine', 'Kwame', 'Chidi', 'Oluwaseun', 'Emeka', 'Kofi', 'Abdi', 'Mohamed', 'Amina', 'Chiamaka',
  // Eastern European
  'Piotr', 'Tomasz', 'Marek', 'Krzysztof', 'Andrei', 'Mihai', 'Darius', 'Lukas', 'Agnieszka', 'Ioana',
  // East Asian, Middle Eastern, Turkish
  'Wei', 'Jun', 'Minh', 'Hassan', 'Karim', 'Yusuf', 'Emre', 'Mehmet', 'Leila', 'Zeynep',
  // Traveller and Roma communities, others
  'Patrick', 'Johnny', 'Martin', 'Florin', 'Joao', 'Miguel', 'Giuseppe', 'Stavros',
] as const;

export const FAMILY_NAMES = [
  'Ashworth', 'Barraclough', 'Brennan', 'Cartwright', 'Dawson', 'Entwistle', 'Fairclough', 'Greenhalgh', 'Hargreaves', 'Holroyd',
  'Kershaw', 'Lomax', 'Marsden', 'Pickering', 'Ramsbottom', 'Sutcliffe', 'Tattersall', 'Whitworth', 'Heald', 'Openshaw',
  'Jones', 'Davies', 'Pritchard', 'Llewellyn', 'Bevan', 'Gruffydd', 'Morgan', 'Powell', 'Vaughan', 'Prosser',
  'MacLeod', 'Fraser', 'Henderson', 'Docherty', 'McAllister', 'O’Donnell', 'Gallagher', 'Quinlan', 'Moriarty', 'Keane',
  'Hussain', 'Akhtar', 'Chaudhry', 'Sandhu', 'Gill', 'Patel', 'Mistry', 'Rahman', 'Begum', 'Qureshi', 'Bhatti', 'Dhillon',
  'Campbell', 'Forbes', 'Bailey', 'Grant', 'Clarke', 'Okafor', 'Adeyemi', 'Mensah', 'Owusu', 'Nwosu', 'Osei', 'Farah', 'Warsame',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Zielinski', 'Popescu', 'Ionescu', 'Kazlauskas', 'Petrauskas', 'Horvath', 'Novak',
  'Chen', 'Wong', 'Nguyen', 'Tran', 'Haddad', 'Mansour', 'Yilmaz', 'Demir', 'Kaya', 'Öztürk',
  'Doherty', 'McDonagh', 'Ward', 'Lee', 'Stanley', 'Price', 'Ferreira', 'Santos', 'Russo', 'Papadopoulos',
] as const;

export const NICKNAMES = [
  'Smudge', 'Tank', 'Bomber', 'Ginger', 'Taff', 'Jock', 'Spider', 'Mouse', 'Chalky', 'Nobby', 'Lefty', 'Dodger', 'Sparky',
  'Bear', 'Whizz', 'Jonno', 'Mac', 'Shorty', 'Big Man', 'Razor', 'Sully', 'Skip', 'Doc', 'Dutch', 'Tiny',
] as const;

export const ETHNICITIES = [
  'White – British', 'White – Welsh', 'White – Irish', 'White – Gypsy or Irish Traveller', 'White – any other White background',
  'Asian or Asian British – Pakistani', 'Asian or Asian British – Indian', 'Asian or Asian British – Bangladeshi', 'Asian or Asian British – Chinese',
  'Black or Black British – Caribbean', 'Black or Black British – African', 'Mixed – White and Black Caribbean', 'Mixed – White and Asian',
  'Arab', 'Any other ethnic group', 'Prefers not to say',
] as const;

// Invented places in England and Wales (none is a real town).
export const TOWNS = [
  'Marrowby', 'Kestlebury', 'Thornwick', 'Ashcombe Vale', 'Hollinfield', 'Brackendale', 'Wetherstone', 'Llanfenwyn', 'Aberdyfnant',
  'Pencaerwen', 'Coldharbour Mill', 'Saltmarsh St Mary', 'Ravensholme', 'Oakhurst Bridge', 'Grimsdyke', 'Netherby Moor',
  'Felldown', 'Wyrecastle', 'Sandlow', 'Cwmhiraeth', 'Bryn Eithin', 'Easterleigh', 'Highcross Green', 'Little Parwick',
] as const;

const STREET_FIRST = [
  'Alder', 'Beacon', 'Bramble', 'Canal', 'Chapel', 'Copper', 'Foundry', 'Gorse', 'Heron', 'Kiln', 'Larch', 'Mill', 'Orchard',
  'Pit', 'Quarry', 'Rook', 'Sorrel', 'Tannery', 'Weaver', 'Willow', 'Yew', 'Coed', 'Maes', 'Heol Glan', 'Ffordd Afon',
] as const;
const STREET_LAST = ['Street', 'Road', 'Lane', 'Close', 'Terrace', 'Way', 'Court', 'Gardens', 'Row', 'View', 'Crescent', 'Walk'] as const;
export { STREET_FIRST, STREET_LAST };

export const AREAS_OF_CLOSEST_LINKS = [
  'Town centre of Marrowby, around the bus station', 'Kestlebury, family in the Alder estate', 'Llanfenwyn and surrounding villages',
  'Thornwick riverside and night shelter', 'Hollinfield, mother lives locally', 'Brackendale, sofa-surfing with associates',
] as const;

export const INDEX_OFFENCES: Record<1 | 2 | 3 | 4, readonly string[]> = {
  1: [
    'Sexual assault (Sexual Offences Act 2003 s3)', 'Rape (Sexual Offences Act 2003 s1)', 'Sexual activity with a child (s9)',
    'Making indecent photographs of children', 'Possession of indecent images of children', 'Engaging in sexual communication with a child (s15A)',
    'Voyeurism (s67)', 'Exposure (s66)', 'Breach of a Sexual Harm Prevention Order',
  ],
  2: [
    'Wounding with intent (OAPA 1861 s18)', 'Grievous bodily harm (s20)', 'Robbery', 'Manslaughter', 'Arson with intent to endanger life',
    'Controlling or coercive behaviour', 'Stalking involving fear of violence', 'Assault occasioning actual bodily harm (s47)', 'Attempted murder',
  ],
  3: [
    'Harassment (repeated, escalating)', 'Criminal damage with threats to a former partner', 'Threats to kill', 'Possession of an offensive weapon',
    'Burglary with a history of violence', 'Affray',
  ],
  4: ['Preparation of terrorist acts (Terrorism Act 2006 s5)', 'Dissemination of terrorist publications (s2)', 'Collection of information useful to terrorism (TA 2000 s58)'],
};

export const SENTENCES = [
  '4 years’ imprisonment; released on licence', '6 years’ imprisonment; licence expiry in 2028', 'Extended determinate sentence: 8 years custody + 4 years extension',
  'Suspended sentence order, 24 months, with a rehabilitation activity requirement', 'Community order, 36 months, with an accredited programme requirement',
  'Hospital order with restrictions (Mental Health Act 1983 s37/41)', 'Life imprisonment; released on life licence', '30 months’ imprisonment; post-sentence supervision',
  '2 years’ detention and training order (youth)', 'Sentence for offenders of particular concern: 7 years + 1 year licence',
] as const;

export const EXCEPTIONAL_REASONS = [
  'Exceptional local media interest following the original trial; managed at this level to maintain public confidence.',
  'Significant resource commitment needed from several agencies to manage the case in the community.',
] as const;

export const STAFF_NAMES = [
  'PC Hollis', 'DC Marsh', 'DS Quayle', 'Sgt Bellamy', 'PO Ferris', 'PSO Nakamura', 'SPO Abernethy', 'Offender Supervisor Kaur',
  'Social Worker Trent', 'Team Manager Osei', 'Housing Officer Vale', 'Dr Lindqvist', 'CPN Rowntree', 'YOT Worker Pryce',
  'Work Coach Delaney', 'Monitoring Officer Keel', 'Safeguarding Lead Amadi', 'Intelligence Officer Roux',
] as const;

export const VEHICLES = [
  'silver Ford Focus', 'black Vauxhall Astra', 'white Transit van', 'blue Nissan Qashqai', 'red Peugeot 208', 'grey BMW 3 Series',
  'green Skoda Octavia', 'dark blue Honda Civic',
] as const;

export const NOT_TO_SUBJECT_REASONS = [
  'Recall is being considered; telling the subject could prompt him to abscond.',
  'Police investigation in progress; disclosure to the subject would prejudice it.',
  'The information came from a victim who fears reprisal.',
  'Third-party information from a family member given in confidence.',
  'Planned covert monitoring; the subject must not be alerted.',
  'Disclosure to a new partner is pending; the subject is not yet aware.',
] as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Sentence templates per field kind. {given} {family} {town} {street} {day} {vehicle} {staff} {n} {time} are filled in. */
export const TEMPLATES: Record<string, readonly string[]> = {
  identity: [
    'Also known to local officers by the nickname used in custody records. Photograph on file updated after the last arrest.',
    'Identity confirmed at the reporting centre in {town} with a passport check on {day}.',
    'Uses a different spelling of the family name on benefit claims; both spellings recorded on the police system.',
  ],
  address: [
    'Moved to a bedsit at {n} {street}, {town}. Landlord not aware of offending history; home visit booked for {day}.',
    'Resident at approved premises in {town} under licence condition; curfew 21:00 to 07:00 observed so far.',
    'Reported staying with his sister on {street}, {town} at weekends. Address check by the neighbourhood team found him present.',
    'Housing application made for a one-bedroom flat in {town}; the property is within 300 metres of a primary school and is considered unsuitable.',
  ],
  contact: [
    'New mobile number given at supervision on {day}; the previous handset was seized.',
    'Has an email account and two social media profiles, both declared under the order.',
    'Asked that appointments be moved to afternoons because of shift work; contact by phone only before {time}.',
  ],
  offence_history: [
    'Previous convictions for assault (2014) and criminal damage (2016) in {town}. Pattern of offending when drinking.',
    'Caution in 2011 for possession of an offensive weapon. Index offence committed against a former partner.',
    'Convicted in {town} Crown Court; sentencing remarks note planning and a vulnerable victim.',
  ],
  licence_conditions: [
    'Exclusion zone covering the {street} area of {town}; electronic monitoring to enforce it.',
    'Not to have unsupervised contact with any child under 18 without prior approval of the supervising officer.',
    'Curfew 19:00 to 07:00 at the approved address; tag fitted and working.',
    'Must disclose any developing relationship with a woman to the supervising officer. Polygraph condition added.',
  ],
  risk_factor: [
    'Alcohol misuse is linked to every violent incident on record. Reports drinking again since a relationship ended.',
    'Risk increases when he loses accommodation or employment. Currently unemployed and in rent arrears.',
    'Expresses grievance towards the victim’s family in {town}; comments at the last appointment were noted.',
    'Interest in violent extremist material noted on a device examination; Prevent referral considered.',
  ],
  rmp_entry: [
    'Weekly reporting to the probation office in {town}, reducing to fortnightly after three months of compliance.',
    'Unannounced home visits by the police offender management team at least monthly.',
    'Complete the accredited programme; attendance to be reviewed at the next meeting.',
    'Victim liaison officer to update the victim before any change in licence conditions; panic alarm at victim address.',
    'Joint visit by police and probation within 5 working days of release; drug testing as per licence.',
  ],
  victim_information: [
    'Victim lives in {town} and has asked to be told of any change in the exclusion zone. Contact through the victim liaison unit only.',
    'The victim’s children attend a school near {street}; the school safeguarding lead has been told on a need-to-know basis.',
    'Former partner has a non-molestation order; she reports unknown calls from withheld numbers.',
  ],
  employment: [
    'Started work at a warehouse on the {street} industrial estate, {town}. Employer disclosure to be considered at the next meeting.',
    'Seeking work as a delivery driver; this would give access to residential addresses and is being reviewed.',
    'Volunteering at a charity shop in {town}; no contact with children in that role, confirmed by the manager.',
  ],
  relationships: [
    'In a new relationship with a woman who has two children aged 6 and 9. Children’s services informed; assessment under way.',
    'Has a supervised contact arrangement with his son every second Saturday at a family centre in {town}.',
    'Associates with a known offender at a pub in {town}; advised this breaches the spirit of the plan.',
  ],
  health: [
    'Diagnosed with depression; prescribed medication by the GP. Missed two appointments with the community mental health team.',
    'Type 2 diabetes; attends hospital clinic monthly. No impact on reporting arrangements.',
    'Under the care of the community mental health team; CPN visits fortnightly. Compliance with medication is variable.',
  ],
  ethnicity: ['Describes himself as of mixed heritage; interpreter not needed.', 'Ethnicity recorded as self-stated at the time of the pre-sentence report.'],
  religion: ['Attends a place of worship in {town} on Fridays; the faith leader is unaware of the offence.', 'States no religion.'],
  sexuality: ['Sexual interest in adolescent boys noted in the psychological assessment.', 'Disclosed a same-sex relationship during treatment sessions.'],
  vehicle: ['Seen driving a {vehicle} registered to his brother.', 'Owns a {vehicle}; registration recorded on the police system and ANPR markers set.'],
  photograph: ['Custody photograph taken on {day}, replaces the image from release.', 'Photograph supplied by the prison at release; shows a new tattoo on the left forearm.'],
  other: [
    'Meeting minutes circulated to attendees by secure email; chair to confirm within 5 working days.',
    'Referral to the local MAPPA coordinator completed and countersigned by the team manager.',
    'Home Office immigration status checked; no current action.',
  ],
};

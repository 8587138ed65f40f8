"""Words the demo company is made of: topics, people's names, places."""

# Topic name -> description. Skills, thread tags and course subjects all come from here.
TOPICS = {
    "hazmat": "Dangerous goods in the network: classes, labels, segregation, leaks.",
    "customs": "Declarations, commodity codes and duties for parcels crossing a border.",
    "forklift-safety": "Counterbalance and reach trucks: checks, loads, pedestrians.",
    "route-planning": "Sequencing drops, timed deliveries, round sizes.",
    "ev-charging": "Charging the electric vans: depot chargers, public networks, range.",
    "cold-chain": "Temperature-controlled parcels: pharma, food, dry ice.",
    "customer-complaints": "Handling unhappy customers on the phone, in chat and at the door.",
    "damaged-parcels": "Preventing, reporting and claiming for damage.",
    "proof-of-delivery": "Signatures, photos, safe places and neighbours.",
    "scanner-troubleshooting": "Handheld scanners and the delivery app when they misbehave.",
    "loading-bay-safety": "Yards, bays, reversing, tail-lifts and roller doors.",
    "fuel-cards": "Fuel and charging cards: using, blocked cards, claims.",
    "tachograph": "Drivers' hours and tachograph records for the larger vehicles.",
    "peak-season": "Black Friday to Christmas and the January returns rush.",
    "returns": "Collections, return labels and the returns cage.",
    "manual-handling": "Lifting, carrying and the awkward items.",
    "van-checks": "The daily walk-round check and defects.",
    "parcel-lockers": "Locker banks and pick-up points.",
    "address-finding": "Finding the door: new builds, flats, rural addresses.",
    "sortation": "Sort plans, chutes and the sort centre flow.",
    "conveyor-jams": "Why belts stop and how to clear them safely.",
    "uld-build-up": "Building unit load devices for air freight.",
    "x-ray-screening": "Security screening of air cargo.",
    "delivery-exceptions": "Failed deliveries, refusals and wrong addresses.",
    "coaching": "Helping colleagues get better: feedback, one-to-ones.",
    "leadership": "Leading a team, a site or a region.",
    "rota-planning": "Shift patterns, cover and holidays.",
    "onboarding": "Welcoming and training new starters.",
    "wellbeing": "Looking after yourself and each other.",
}

FIRST_NAMES = [
    "Aaliyah", "Aaron", "Abdul", "Abigail", "Adam", "Adebayo", "Agnieszka", "Aidan", "Aisha",
    "Alan", "Alex", "Alice", "Amara", "Amelia", "Amir", "Andrew", "Anita", "Anna", "Arjun",
    "Ayesha", "Ben", "Beth", "Bilal", "Callum", "Carl", "Caroline", "Charlotte", "Chloe",
    "Chris", "Ciaran", "Claire", "Connor", "Craig", "Dan", "Darren", "David", "Deepa", "Declan",
    "Eilidh", "Elena", "Eleanor", "Ellie", "Emeka", "Emily", "Emma", "Ewan", "Faisal", "Fatima",
    "Fiona", "Gareth", "Gemma", "George", "Grace", "Graham", "Hamza", "Hannah", "Harriet",
    "Harry", "Hassan", "Helen", "Imran", "Isla", "Jack", "Jade", "Jakub", "James", "Jamie",
    "Jasmine", "Jason", "Jess", "Joanna", "Joe", "Jordan", "Josh", "Kamal", "Karen", "Kasia",
    "Kate", "Keith", "Kiran", "Kwame", "Laura", "Leanne", "Lee", "Leon", "Liam", "Lily", "Lisa",
    "Lucy", "Luke", "Mandeep", "Marcus", "Mark", "Marta", "Matt", "Megan", "Mei", "Michael",
    "Mohammed", "Molly", "Nadia", "Naomi", "Nathan", "Neil", "Nia", "Niamh", "Nick", "Nikhil",
    "Olivia", "Omar", "Oscar", "Paul", "Pawel", "Priya", "Rachel", "Rajesh", "Rebecca", "Rhys",
    "Richard", "Rob", "Rosie", "Ryan", "Saanvi", "Sam", "Sandeep", "Sarah", "Scott", "Sean",
    "Shona", "Simon", "Sofia", "Sophie", "Stacey", "Steve", "Stuart", "Tariq", "Tendai",
    "Tom", "Tomasz", "Tony", "Vikram", "Wei", "Will", "Yasmin", "Yusuf", "Zainab", "Zoe",
]  # fmt: skip

LAST_NAMES = [
    "Abbott", "Adeyemi", "Ahmed", "Ali", "Allen", "Anderson", "Armstrong", "Atkinson", "Bailey",
    "Baker", "Banerjee", "Barnes", "Bell", "Bennett", "Bhatt", "Booth", "Bradley", "Brennan",
    "Brooks", "Brown", "Burns", "Campbell", "Carter", "Chambers", "Chen", "Clarke", "Coleman",
    "Collins", "Cooper", "Cox", "Davies", "Dixon", "Doherty", "Doyle", "Duncan", "Edwards",
    "Ellis", "Evans", "Farrell", "Ferguson", "Fisher", "Fletcher", "Foster", "Fraser",
    "Gallagher", "Gill", "Gordon", "Graham", "Grant", "Gray", "Green", "Hall", "Hamilton",
    "Harris", "Hart", "Hassan", "Hayes", "Henderson", "Hill", "Holmes", "Hughes", "Hussain",
    "Iqbal", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly", "Khan",
    "Kowalski", "Lambert", "Lee", "Lewis", "Lloyd", "Lynch", "MacDonald", "Malik", "Marshall",
    "Martin", "Mason", "McCann", "McKenzie", "Mensah", "Miller", "Mitchell", "Moore", "Morgan",
    "Morris", "Murphy", "Murray", "Nowak", "Nwosu", "O'Brien", "Okafor", "Owen", "Palmer",
    "Parker", "Patel", "Pearson", "Phillips", "Price", "Quinn", "Rahman", "Reid", "Reynolds",
    "Richards", "Roberts", "Robertson", "Robinson", "Rogers", "Ross", "Russell", "Shah",
    "Sharma", "Shaw", "Simpson", "Singh", "Smith", "Stewart", "Sutherland", "Taylor", "Thomas",
    "Thompson", "Turner", "Walker", "Wallace", "Walsh", "Ward", "Watson", "White", "Williams",
    "Wilson", "Wood", "Wright", "Yates", "Young", "Zielinski",
]  # fmt: skip

# Region -> depot towns, in the order depots are opened as the scale grows.
REGION_TOWNS = {
    "North": [
        "Leeds", "Manchester", "Newcastle", "Sheffield", "York", "Bradford", "Hull", "Preston",
        "Sunderland", "Huddersfield", "Doncaster", "Bolton", "Durham", "Harrogate", "Stockport",
        "Wigan", "Carlisle", "Lancaster", "Middlesbrough", "Blackburn",
    ],
    "Midlands": [
        "Birmingham", "Nottingham", "Leicester", "Coventry", "Derby", "Wolverhampton",
        "Stoke-on-Trent", "Northampton", "Lincoln", "Worcester", "Telford", "Stafford",
        "Hereford", "Mansfield", "Loughborough", "Redditch", "Kettering", "Shrewsbury",
        "Burton upon Trent", "Nuneaton",
    ],
    "South": [
        "Bristol", "Southampton", "Reading", "Brighton", "Portsmouth", "Oxford", "Exeter",
        "Plymouth", "Swindon", "Bath", "Guildford", "Bournemouth", "Cheltenham", "Crawley",
        "Basingstoke", "Maidstone", "Canterbury", "Salisbury", "Taunton", "Gloucester",
    ],
    "Scotland": [
        "Glasgow", "Edinburgh", "Aberdeen", "Dundee", "Inverness", "Stirling", "Perth",
        "Paisley", "Falkirk", "Ayr", "Livingston", "Kilmarnock", "Dumfries", "Elgin",
        "Fort William", "Oban", "Kirkcaldy", "Greenock", "Hamilton", "Motherwell",
    ],
}  # fmt: skip

SORT_CENTRE_TOWNS = ["Wakefield", "Daventry", "Bellshill", "Avonmouth", "Warrington", "Crick"]
AIRPORT_HUBS = [
    ("ema", "East Midlands airport freight hub", "Castle Donington"),
    ("stn", "Stansted airport freight hub", "Stansted"),
    ("pik", "Prestwick airport freight hub", "Prestwick"),
]
CONTACT_CENTRE_TOWNS = ["Sheffield", "Glasgow", "Swansea", "Sunderland"]
HEAD_OFFICE = "Milton Keynes"

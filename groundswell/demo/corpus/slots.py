"""Values for the `{slots}` in thread and reply templates. Plain words only (no Markdown
characters), so a template's Markdown can be rendered once and the values dropped in."""

SLOTS = {
    "count": ["six", "seven", "eight", "nine", "eleven", "twelve", "fifteen"],
    "small_count": ["five", "six", "ten", "dozen"],
    "area": [
        "the city centre", "the ring road estates", "the retail park", "the old town one-way "
        "system", "the new-build estates on the edge of town", "the industrial estate",
        "the villages past the bypass", "the student flats by the university",
        "the terraces behind the station", "the farms up on the moor road",
    ],
    "pod_situation": [
        "the customer isn't in but a neighbour offers to take it",
        "the safe place the customer chose is a recycling bin",
        "the parcel is too big for the letterbox and there's no porch",
        "the block has a concierge who won't sign",
        "a child answers the door",
        "the customer asks me to leave it in the shop next door",
    ],
    "scanner_option": [
        "a 'left with neighbour' option and a photo prompt",
        "the safe-place code and a photo",
        "a signature box that nobody wants to sign",
    ],
    "tacho_case": [
        "waiting at the sort centre while they load me", "a ferry crossing",
        "driving the van back from the garage after its MOT",
        "a break that gets cut short by a customer call", "a split daily rest",
    ],
    "fuel_station": [
        "the services on the bypass", "the supermarket pumps",
        "the truck stop by the motorway junction", "the little garage out in the villages",
    ],
    "driver_tip": [
        "what3words in the delivery notes is gold when customers add it",
        "check the satellite view before you set off, not at the door",
        "ask the postie - they know every short cut",
        "flats in the new blocks have the numbers on the bin store, not the door",
        "farm deliveries go to the house, never the yard office, unless the note says so",
    ],
    "peak_event": ["Black Friday week", "Christmas peak", "the January returns rush"],
    "awkward_item": [
        "tyres", "flat-pack wardrobes", "garden furniture", "cat litter sacks", "rolled rugs",
        "bikes in boxes", "cases of wine",
    ],
    "damage_cause": [
        "heavy items being stacked on soft packs", "cages being overfilled",
        "parcels dropping off the end of the conveyor", "wet floors by the roller doors",
        "rushed tail-lift loading",
    ],
    "shift": ["early", "late", "night", "weekend"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    "leak": [
        "something oily", "a fine powder nobody could identify",
        "something that smelled like perfume", "a clear liquid over the parcels below it",
    ],
    "conveyor_point": ["merge point", "spiral chute", "induct belt", "tilt-tray outfeed"],
    "jam_cause": [
        "polythene bags catching on the side guide",
        "a worn belt joint that lifts at the transfer",
        "parcels inducted too close together",
        "a photo-eye that needs cleaning",
    ],
    "warehouse_fix": [
        "a two-minute cage check at the start of each shift",
        "colour-coded cages per round", "a 'heavy items' shelf by the induct",
        "a whiteboard at the bay door with the day's problems",
    ],
    "scanner_issue": [
        "freezing on the signature screen", "losing signal in the yard",
        "not syncing the manifest before the first drop",
        "draining the battery by lunchtime", "refusing to read crumpled labels",
    ],
    "app_wish": [
        "let me add a note to an address that every driver sees",
        "a bigger photo button for gloves",
        "show the safe place before I get out of the van",
        "let me re-order the next five stops with one drag",
    ],
    "weather": [
        "below freezing", "pouring with rain", "hot and the air con is on",
        "windy on the moor road",
    ],
    "charger_fault": [
        "a red fault light", "'authorisation failed'", "charging at half speed",
        "the cable locked in the socket",
    ],
    "safety_change": [
        "painted walkways in the yard", "a mirror on the blind corner by bay 4",
        "moving the smoking shelter away from the reversing area",
        "a five-minute safety huddle before the vans go out",
        "gloves with grip that people actually want to wear",
    ],
    "ppe_case": [
        "they wear out early", "they get damaged on a delivery", "you move to a new site",
    ],
    "lone_case": [
        "the van breaks down somewhere remote", "a customer gets aggressive",
        "you feel unwell at the wheel",
    ],
    "customs_case": [
        "a parcel going to Norway", "a commercial sample with no value",
        "a return from a customer in Switzerland", "goods for the Channel Islands",
        "a gift shipment to the US",
    ],
    "uld_issue": [
        "contours failing the profile check", "nets coming loose on the ramp",
        "heavy pieces ending up on top", "pallets going overweight at the last minute",
    ],
    "xray_reason": [
        "an undeclared battery", "a dense object the screener couldn't clear",
        "a missing security declaration", "liquids in a box marked as clothing",
    ],
    "shipment_kind": [
        "online marketplace consolidations", "mixed retail pallets",
        "returns from marketplaces",
    ],
    "product": [
        "phone cases", "bike parts", "vitamin supplements", "handmade candles",
        "printer cartridges",
    ],
    "photo_case": [
        "their front door", "a porch that might be the neighbour's", "a blurred doorstep",
        "a parcel behind a bin",
    ],
    "angry_reason": [
        "waited in all day for a delivery that never came",
        "got a damaged wedding present",
        "had the same parcel fail three times",
        "was told two different things by two agents",
    ],
    "cs_topic": ["late deliveries", "returns", "damage claims", "missed collections"],
    "customer_ask": [
        "carry it up to their flat on the fifth floor", "wait while they open it and check it",
        "leave it in their unlocked car", "take it round to their work instead",
        "come back after six when they're home",
    ],
    "return_case": [
        "an order over 30 days old", "a parcel sent to a locker", "an international customer",
        "a business account",
    ],
    "start_time": ["5.30am", "6.15am", "7am"],
    "module": ["2", "3", "4"],
    "hazmat_pair": [
        "'limited quantity' and 'excepted quantity'", "UN3480 and UN3481",
        "class 3 and class 9 labels",
    ],
    "hazmat_find": [
        "a power bank in a box of 'books'", "nail varnish leaking in a 'clothing' parcel",
        "a camping gas canister described as 'kitchen items'",
        "e-cigarette refills in a gift box",
    ],
    "week": ["2", "3", "4", "5"],
    "cs_scenario": [
        "a wedding dress delivered to the wrong address",
        "a birthday present that arrived a day late",
        "medication stuck at the depot over a weekend",
    ],
    "team_role": ["driver", "sorter", "warehouse operative", "dispatcher"],
    "feedback_topic": [
        "their scanner discipline", "how they talk to new starters",
        "timekeeping at the start of the shift", "skipping the walk-round check",
    ],
    "cohort_theme": [
        "running a five-minute safety huddle", "handling absence during peak",
        "coaching someone through a failed forklift assessment",
        "getting the night shift to speak up",
    ],
    "cohort_try": [
        "asking one question at the huddle and waiting for an answer",
        "a fortnightly 'what got in your way' board",
        "letting a driver run the Monday briefing",
    ],
    "busy_case": [
        "peak coming up", "two team leads off sick", "a team spread over three shifts",
    ],
    "local_hazard": [
        "the school run", "the market on Saturdays", "the level crossing",
        "the bin lorry on Tuesdays", "the roadworks by the bridge",
    ],
    "driver_fix": [
        "loading the van in reverse drop order the night before",
        "a laminated map of the estate in the cab",
        "agreeing a sequence with the loaders and sticking to it",
        "putting the timed drops on their own shelf",
        "splitting the round with the afternoon van on Mondays",
    ],
    "supervisor_role": ["your team lead", "the dispatch desk", "your shift lead"],
    "time": ["the start of the shift", "half past five", "the first break"],
}  # fmt: skip

"""Questions and discussions from the road and the warehouse floor: drivers, warehouse, scanners,
electric vans and safety. `{slots}` are filled from `slots.SLOTS` or from the author's context
({site}, {region})."""

from groundswell.demo.corpus.templates import DRIVING, FRONTLINE, LEAD, WAREHOUSE, D, Q
from groundswell.demo.corpus.templates import ThreadTemplate as T

FIELD_THREADS = [
    # --- drivers -------------------------------------------------------------------------
    T("drivers", Q, "How do you plan a round with {count} timed drops around {area}?",
      "I've got {count} pre-12 deliveries tomorrow and they're spread right across {area}. "
      "The handheld sequence wants me to zig-zag and I lose at least half an hour.\n\n"
      "Do you re-order the stops yourself or trust the app? Anything you've learned about "
      "{area} in particular?", ("route-planning",), key="round", by=FRONTLINE, askers=DRIVING),
    T("drivers", Q, "What counts as proof of delivery when {pod_situation}?",
      "Had this twice this week: {pod_situation}. The scanner gives me {scanner_option}, but I'm "
      "never sure it will stand up if the customer rings in saying it never arrived.\n\n"
      "What do you do, and is the rule written down anywhere?",
      ("proof-of-delivery", "delivery-exceptions"), key="pod", by=FRONTLINE, askers=DRIVING),
    T("drivers", Q, "Tachograph: how do you record {tacho_case}?",
      "I'm covering the 7.5-tonne on the {site} trunk run this month and I keep confusing "
      "myself about {tacho_case}. The last thing I want is an infringement letter.\n\n"
      "Which mode do you switch to, and does anyone have the one-page guide?", ("tachograph",),
      key="tacho", by=FRONTLINE, askers=DRIVING),
    T("drivers", Q, "Fuel card declined at {fuel_station} - what now?",
      "Card got declined at {fuel_station} this morning with a quarter of a tank left and "
      "{count} drops still to do. The helpline had a queue.\n\n"
      "Do you pay yourself and claim it back, or head back to {site}? And why do cards get "
      "blocked in the first place?", ("fuel-cards",), key="fuel", by=FRONTLINE, askers=DRIVING),
    T("drivers", D, "Best tips for finding addresses around {area}",
      "New starters always struggle with {area}: house names instead of numbers, flats with "
      "the entrance round the back, one postcode for half a street.\n\n"
      "Let's collect what actually works so we can pin it for the next intake. I'll start: "
      "{driver_tip}.", ("address-finding", "onboarding"), key="address"),
    T("drivers", Q, "Nobody in and no safe place: card, neighbour or back to the depot?",
      "Genuine question because I get different answers from different leads. Customer not "
      "in, no safe place set, and {pod_situation}.\n\n"
      "What's the right call for the customer and for our failed-delivery numbers?",
      ("delivery-exceptions", "proof-of-delivery"), key="nobody-in", by=FRONTLINE, askers=DRIVING),
    T("drivers", Q, "How do you fit {count} parcel-locker drops into a round?",
      "{site} has started giving me locker drops at the retail park and the station. The "
      "lockers are great for customers but I queue behind collectors and the screens are slow.\n\n"
      "What time of day do you do them, and do you load them as a separate bag?",
      ("parcel-lockers", "route-planning"), key="lockers", by=FRONTLINE, askers=DRIVING),
    T("drivers", D, "What do you wish someone had told you before your first {peak_event}?",
      "{peak_event} is coming round again and we've got new drivers at {site} who have never "
      "seen it. What would you tell them? Food, sleep, loading, customers, anything.",
      ("peak-season", "wellbeing"), key="peak"),
    T("drivers", Q, "Daily walk-round check: what do you look at when you're short of time?",
      "Be honest. The checklist has {count} items and at 6am with the yard full nobody does all "
      "of them properly. Which ones do you never skip, and which defects have you actually "
      "found?", ("van-checks",), key="walkround", by=FRONTLINE, askers=DRIVING),
    T("drivers", Q, "Van loaded in the wrong order again - how do we get it fixed?",
      "Third time this week the first drops were at the back of the van behind {awkward_item}. "
      "I lose twenty minutes unloading and reloading at the kerb.\n\n"
      "Is there a way to get the loaders at {site} to follow the sequence, or should we load "
      "our own?", ("route-planning", "loading-bay-safety"),
      key="load-order", by=FRONTLINE, askers=DRIVING),
    T("drivers", Q, "Dog loose at the door on {area} - what's the procedure?",
      "Customer's dog came at me over the gate today. No harm done but it rattled me. Do we "
      "just card it and leave? Is there a way to flag the address so the next driver knows?",
      ("delivery-exceptions", "wellbeing"), key="dog", by=FRONTLINE, askers=DRIVING),
    # --- warehouse -----------------------------------------------------------------------
    T("warehouse", Q, "How do you stop {damage_cause} on the {shift} shift?",
      "Damage claims at {site} went up again last month and most of them come back to "
      "{damage_cause}. We've done the toolbox talk twice.\n\n"
      "What has actually worked at your site?", ("damaged-parcels",),
      key="damage", by=LEAD, askers=WAREHOUSE),
    T("warehouse", Q, "Forklift refresher due - what does the practical cover?",
      "My counterbalance refresher is booked for {day} and it's been three years. What do the "
      "assessors look at in the practical, and where do people usually lose marks?",
      ("forklift-safety",), key="forklift", by=FRONTLINE, askers=WAREHOUSE),
    T("warehouse", Q, "What do I do with a parcel leaking {leak}?",
      "Found one on the {shift} shift at {site}, leaking {leak}. "
      "I moved it aside with gloves on, but I wasn't sure whether to bag it, quarantine it, "
      "or call someone.\n\nWhat's the right order of things?", ("damaged-parcels", "hazmat"),
      key="leak", by=FRONTLINE, askers=WAREHOUSE),
    T("warehouse", D, "Returns piling up at {site} - how are other sites coping?",
      "We've got three full cages of returns that nobody owns. Some need relabelling, some "
      "are going back to the sender, some we can't identify.\n\n"
      "How do other sites keep on top of it? Who does what, and when?", ("returns",),
      key="returns", by=LEAD, askers=WAREHOUSE),
    T("warehouse", Q, "Conveyor keeps jamming at the {conveyor_point} - found the cause?",
      "The belt at {site} has stopped {count} times this week, always at the {conveyor_point}. "
      "Engineering clears it and it happens again an hour later.\n\n"
      "Anyone found what actually causes it?", ("conveyor-jams", "sortation"),
      key="conveyor", askers=WAREHOUSE),
    T("warehouse", Q, "How do you run the loading bay when {count} vans arrive at once?",
      "Between 6 and 7 at {site} we get {count} vans in the yard, drivers wandering between "
      "bays and cages in the way. Nobody's been hurt yet but it's a matter of time.\n\n"
      "How do other sites organise it?", ("loading-bay-safety",),
      key="bay", by=LEAD, askers=WAREHOUSE),
    T("warehouse", D, "Manual handling: your trick for {awkward_item}?",
      "Everyone has a way of dealing with {awkward_item}. Share yours - I'll put the best ones "
      "into the new-starter induction.", ("manual-handling", "onboarding"),
      key="handling", askers=WAREHOUSE),
    T("warehouse", Q, "Sort plan changed overnight - how do you brief the team fast?",
      "Came in to a new sort plan at {site} with {count} chutes moved. The first hour was "
      "chaos. How do you get a change like that across to the whole shift quickly?",
      ("sortation", "peak-season"), key="sort-plan", by=LEAD, askers=WAREHOUSE),
    # --- scanners ------------------------------------------------------------------------
    T("scanners", Q, "Handheld {scanner_issue} - anyone else?",
      "My handheld keeps {scanner_issue}. I've restarted it twice today and it cost me "
      "about forty minutes on the round.\n\nAnyone found a proper fix?",
      ("scanner-troubleshooting",), key="scanner", by=FRONTLINE),
    T("scanners", Q, "Scanner says 'already delivered' for a parcel still in my van",
      "Parcel's in my hand, the scanner says it was delivered an hour ago at an address I "
      "haven't been to. What do I do so the customer doesn't get told it's arrived?",
      ("scanner-troubleshooting", "proof-of-delivery"), key="already-delivered", by=FRONTLINE),
    T("scanners", Q, "How do you force a resync without losing today's scans?",
      "Manifest at {site} is showing yesterday's stops. Support told me to reinstall but I've "
      "got {count} scans on the device that haven't uploaded.\n\n"
      "Is there a safe way to resync?", ("scanner-troubleshooting",), key="resync", by=FRONTLINE),
    T("scanners", D, "If you could change one thing in the delivery app, what would it be?",
      "The app team have asked for feedback before the next release. Mine: {app_wish}. "
      "What's yours?", ("scanner-troubleshooting", "proof-of-delivery"), key="app-wish"),
    # --- electric vans -------------------------------------------------------------------
    T("ev", Q, "How much range do you really get when it's {weather}?",
      "Brochure says 150 miles. My longest round out of {site} is about 90 and I came back "
      "with 12% when it was {weather}. What are you all seeing, and what eats the battery "
      "most?", ("ev-charging", "route-planning"), key="range", by=FRONTLINE, askers=DRIVING),
    T("ev", Q, "Charger at {site} showing {charger_fault} - anyone know the fix?",
      "Bay 3 charger has been showing {charger_fault} since the weekend, so the van didn't "
      "charge overnight. Who do we call, and is there anything we can try first?",
      ("ev-charging",), key="charger"),
    T("ev", D, "First month in an electric van: what surprised you?",
      "I've done four weeks in the e-van now. The quiet is brilliant, pedestrians not hearing "
      "you coming is not. What surprised you?", ("ev-charging", "loading-bay-safety"),
      key="first-month", by=FRONTLINE, askers=DRIVING),
    T("ev", Q, "Do you pre-condition the van while it's plugged in?",
      "People keep telling me to pre-heat the cab while it's still on the charger on cold "
      "mornings. Does it make a real difference to range, and how do you set it up?",
      ("ev-charging",), key="precondition", by=FRONTLINE, askers=DRIVING),
    T("ev", Q, "Public charging on a long rural round: which networks take our card?",
      "Got a rural round out of {site} and some days I need a top-up. Which public networks "
      "accept the fuel card, and which ones should I avoid?", ("ev-charging", "fuel-cards"),
      key="public-charging", by=FRONTLINE, askers=DRIVING),
    # --- safety --------------------------------------------------------------------------
    T("safety", Q, "Near miss in the yard at {site} - how do we report it without blame?",
      "A van reversed past a colleague who was walking behind it this morning. Nobody was "
      "hurt. People don't want to report it because they think someone will get in trouble.\n\n"
      "How do you get near misses reported at your site?", ("loading-bay-safety",),
      key="near-miss"),
    T("safety", D, "One small change that made your site safer this year",
      "Not the big projects - the small things. At {site} it was {safety_change}. What was "
      "yours?", ("loading-bay-safety", "manual-handling"), key="small-change"),
    T("safety", Q, "Reversing with no banksman available - what's the rule?",
      "Some customer sites have no room to turn and there's nobody to guide you back. What's "
      "our actual rule, and what do you do in practice?", ("loading-bay-safety", "van-checks"),
      key="reversing", by=FRONTLINE, askers=DRIVING),
    T("safety", Q, "Who replaces boots and hi-vis when {ppe_case}?",
      "My boots are done after five months. Who do I ask when {ppe_case}, and do I need to "
      "keep the old ones?", ("manual-handling",), key="ppe", by=FRONTLINE),
    T("safety", Q, "Lone working on late rounds: what do you do if {lone_case}?",
      "I'm on the late round out of {site} this winter. What's the procedure if {lone_case}? "
      "Is there an app, or do I just ring the depot?", ("wellbeing", "delivery-exceptions"),
      key="lone", by=FRONTLINE, askers=DRIVING),
]  # fmt: skip

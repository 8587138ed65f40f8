"""Answers and replies for the road and the warehouse floor. A reply's topics say which
questions it fits; replies without topics fit any thread of their domain."""

from groundswell.demo.corpus.templates import ReplyTemplate as R

FIELD_REPLIES = [
    # --- drivers -------------------------------------------------------------------------
    R("drivers", ("round",),
      "I re-order the first {small_count} stops myself before I leave the yard. The app "
      "doesn't know about {local_hazard}, and it's much quicker to sort it out with the van "
      "parked than to fight it on the road."),
    R("drivers", ("round", "lockers", "load-order"),
      "We had the same at {site}. What fixed it for us was {driver_fix}. Took a week to "
      "settle in and now nobody wants to go back."),
    R("drivers", ("pod", "nobody-in"),
      "Take a photo every time, even when you get a signature. If it's a neighbour, get their "
      "house number in the shot and type their name in the notes. That's the first thing the "
      "claims team looks at when a customer rings in."),
    R("drivers", ("pod", "nobody-in"),
      "The rule is in the delivery standards on the depot noticeboard: neighbour only if the "
      "customer hasn't opted out, never a child, never a bin. If in doubt, card it and bring "
      "it back. A redelivery costs less than a lost-parcel claim."),
    R("drivers", ("tacho",),
      "Waiting while you're being loaded is **other work** unless you know in advance how long "
      "you'll wait and you're free to leave - then it can be *availability*. If in doubt, "
      "record other work. The transport office has the one-page guide; ask {supervisor_role} "
      "for a copy."),
    R("drivers", ("tacho",),
      "Manual entries are where most infringements come from. Do them at the start of the "
      "shift while you remember, and if you get it wrong, write it on the back of the printout "
      "and tell the transport office the same day. They'd much rather hear it from you."),
    R("drivers", ("fuel",),
      "Pay with your own card only if you must, keep the receipt and put the claim in the same "
      "day - it's paid with the next payroll. Cards usually get blocked because the mileage "
      "typed in last time didn't match, so double-check the odometer at the pump."),
    R("drivers", ("address",),
      "One more for the list: {driver_tip}. And put what you learn in the round notes so "
      "whoever covers your round gets it too."),
    R("drivers", ("peak",),
      "Eat proper food before the shift, not at the wheel. Take the break even when you're "
      "behind - you'll make the time back because you're not making mistakes. And wear "
      "layers: you're in and out of the van three hundred times a day."),
    R("drivers", ("walkround",),
      "Tyres, lights, mirrors, and anything leaking - those four I never skip. Found a "
      "nail in a sidewall last winter that would have been a blow-out on the bypass. The rest "
      "takes two minutes once it's a habit."),
    R("drivers", ("load-order",),
      "Talk to {supervisor_role} rather than the loaders directly - they're working from the "
      "sequence sheet too, and half the time the sheet is wrong. At {site} we fixed it by "
      "{driver_fix}."),
    R("drivers", (),
      "Ask {supervisor_role} to put it in the round notes. Once it's in the notes every driver "
      "who covers the round gets it, not just you."),
    # --- warehouse -----------------------------------------------------------------------
    R("warehouse", ("damage",),
      "Heavy on the bottom is in the induction, but it only sticks if the leads check the "
      "cages at the start of the shift. We do a two-minute walk of the cage line at {time} and "
      "damage claims at {site} dropped noticeably within a month."),
    R("warehouse", ("leak",),
      "Don't touch it with bare hands. Bag it, label it *leaking - do not move*, put it in "
      "the quarantine cage and tell the shift lead. If you don't know what it is, treat it as "
      "dangerous goods until someone who does has looked at it.\n\n"
      "Then photograph the parcels it leaked onto - they'll need checking too."),
    R("warehouse", ("conveyor",),
      "The jam at the {conveyor_point} is nearly always {jam_cause}. Ask engineering to check "
      "it, and log each stop with the time on the sheet so they can see the pattern."),
    R("warehouse", ("forklift",),
      "They watch you do the pre-use check, pick and set down at height, and drive the course "
      "in reverse. Take your time on the checks - that's where most people lose marks, not "
      "the driving. Look behind you *every* time you reverse, even when it feels silly."),
    R("warehouse", ("bay",),
      "We painted walkways and gave each bay a number that matches the round. Drivers wait "
      "behind the yellow line until their bay light is green. It felt over the top at first "
      "but the yard at {site} is calm now, even at peak."),
    R("warehouse", ("returns",),
      "One person owns the returns cage each shift, on the rota. Relabel what you can "
      "straight away, and anything you can't identify goes to the 'unknown' shelf with a "
      "photo on the shared sheet. Sounds simple, but having a name on it is what made it work."),
    R("warehouse", ("handling",),
      "For {awkward_item}: two-person lift, and agree before you lift where it's going. "
      "Sounds obvious but most injuries I've seen were someone changing their mind halfway."),
    R("warehouse", ("sort-plan",),
      "Print the changed chutes on one sheet, tape it at the induct, and do a five-minute "
      "walk-round with the team at {time}. People remember what they've walked past far "
      "better than what they've been told."),
    R("warehouse", ("damage", "returns", "bay", "sort-plan", "conveyor"),
      "We tried a few things at {site}; the one that stuck was {warehouse_fix}. Happy to show "
      "anyone who visits."),
    # --- scanners ------------------------------------------------------------------------
    R("scanners", ("scanner",),
      "Hold the power button for 20 seconds until it vibrates - that's a proper restart, not "
      "sleep. If it's still {scanner_issue} after that, swap the battery with a spare from "
      "the dispatch desk before you ring support."),
    R("scanners", ("resync", "scanner"),
      "Don't reinstall. Go to Settings, then Sync, then *Upload pending* first, wait for the "
      "counter to reach zero, and only then *Refresh manifest*. Reinstalling throws away "
      "anything that hasn't uploaded."),
    R("scanners", ("already-delivered",),
      "Mark it as *misrouted scan* from the parcel menu and ring dispatch with both tracking "
      "numbers. They can reverse the status before the customer gets the 'delivered' text if "
      "you catch it within the hour."),
    R("scanners", ("scanner", "resync", "app-wish"),
      "Same here at {site}. It got much better after the last update, so check you're on the "
      "latest version (Settings, then About) - a lot of devices never took it."),
    R("scanners", ("app-wish",),
      "My wish: {app_wish}. Would save me ten minutes a day easily."),
    # --- electric vans -------------------------------------------------------------------
    R("ev", ("range",),
      "Cold is the big one - expect 25-30% less range below freezing, mostly from the cab "
      "heater. Heated seat instead of blowing hot air makes a real difference, and so does "
      "pre-conditioning while it's plugged in."),
    R("ev", ("charger",),
      "For {charger_fault}: isolate the charger at the red switch by the bay, wait thirty "
      "seconds, switch back on. If it comes back, log it with the fleet helpdesk with the "
      "charger number - they can reset most faults remotely."),
    R("ev", ("public-charging",),
      "The fuel card works on the two big networks at the motorway services and most "
      "supermarket chargers. Avoid the pay-by-app ones, the claim takes forever. The fleet "
      "team has a map of the ones near our rounds."),
    R("ev", ("precondition", "range"),
      "Yes, set it in the app for ten minutes before your start time. The battery warms up "
      "from the mains instead of from itself. On the coldest days I got about 15 miles more."),
    R("ev", ("first-month",),
      "Regenerative braking took me a week to get used to, and now I barely touch the brake "
      "pedal in town. Watch out for pedestrians though - they really don't hear you."),
    # --- safety --------------------------------------------------------------------------
    R("safety", ("near-miss",),
      "Report it as a near miss, not an incident - the form is on the safety board and in "
      "the app. At {site} the manager reads them out at the huddle *without names* and says "
      "what changed because of it. That's what got people reporting."),
    R("safety", ("reversing",),
      "No banksman means you get out and look - every time, as often as you need to. If "
      "there's no safe way to reverse, don't: deliver from the road and tell the customer "
      "why. Nobody will ever be told off for that."),
    R("safety", ("ppe",),
      "Talk to {supervisor_role}: PPE that wears out in normal use is replaced free, just "
      "bring the old pair so it can be logged. If it gets damaged on a delivery, report it "
      "the same day as well."),
    R("safety", ("lone",),
      "Ring the depot first, always. If nobody answers, the lone-worker button on the "
      "handheld alerts the duty manager with your location. If you feel unwell at the wheel, "
      "stop somewhere safe before you ring anyone."),
    R("safety", ("small-change",),
      "For us at {site} it was {safety_change}. Cost almost nothing and everyone noticed."),
]  # fmt: skip

"""Second opinions: another colleague's answer to the same questions, so a thread with several
answers reads like several people talking."""

from groundswell.demo.corpus.templates import (
    CONTACT_CENTRE,
    DRIVING,
    LEADERS,
    TEAM_LEADS,
    WAREHOUSE,
)
from groundswell.demo.corpus.templates import ReplyTemplate as R

SECOND_REPLIES = [
    # --- drivers -------------------------------------------------------------------------
    R("drivers", ("fuel",),
      "Ring {supervisor_role} rather than the helpline - they can see why it's blocked and "
      "usually unblock it in five minutes. If you do pay yourself, photograph the receipt "
      "straight away; the thermal paper fades."),
    R("drivers", ("address",),
      "For the new-build estates, the sales office on site usually has the plot-to-house-number "
      "map. Take a photo of it and share it in the round notes."),
    R("drivers", ("lockers",),
      "Do the lockers before 9 or after 2, when the collectors aren't there. I keep locker "
      "parcels in their own bag by the side door so it's one trip."),
    R("drivers", ("peak",),
      "Don't try to be a hero on day one. Ask for help early if the round is too big - it's "
      "much easier for dispatch to move twenty stops at 10am than at 4pm."),
    R("drivers", ("walkround",),
      "Do it in the same order every day, clockwise from the driver's door. Once it's a "
      "routine it takes three minutes and you stop missing things."),
    R("drivers", ("load-order",),
      "Warehouse lead here - please tell us when it happens, with the round number. Most of "
      "the time it's a late sequence change that never reached the loaders, and we can't fix "
      "what we don't hear about.", voices=WAREHOUSE),
    R("drivers", ("dog",),
      "Card it and leave - no parcel is worth a bite. Put 'dog, ring first' in the address "
      "notes so the next driver knows, and tell {supervisor_role} so customer service can "
      "speak to the customer."),
    R("drivers", ("nobody-in",),
      "Neighbour first if the customer allows it, then a card. Back to the depot is the last "
      "option, but it's the right one for anything high value or signature-only."),
    # --- warehouse -----------------------------------------------------------------------
    R("warehouse", ("damage",),
      "Ask the claims team for the damage reports by cause for your site. Ours showed most of "
      "it came from one conveyor transfer, and fixing that did more than any toolbox talk."),
    R("warehouse", ("forklift",),
      "Book a practice hour with your shift lead the week before. Most marks are lost on the "
      "pre-use check and on looking behind when reversing, not on the driving itself."),
    R("warehouse", ("leak",),
      "Check the label first: a diamond hazard label or a UN number means stop and call the "
      "shift lead before you touch it. The spill kit is in the red box by bay 1."),
    R("warehouse", ("returns",),
      "We do a returns sweep at 2pm every day, whatever else is going on. Anything older than "
      "three days goes to the site manager. Boring, but the cages stay empty."),
    R("warehouse", ("conveyor",),
      "Ask engineering to run the belt empty for five minutes and watch the {conveyor_point} - "
      "you can often see the belt lift or the guide catch. Then put a few test parcels "
      "through."),
    R("warehouse", ("bay",),
      "Stagger the van arrivals by round in ten-minute slots. Drivers grumbled for a week and "
      "now they like not queuing."),
    R("warehouse", ("handling",),
      "Sack truck for {awkward_item} whenever one is free. And anything over 25 kilos should "
      "have a heavy label - if it doesn't, report it so the sender is told."),
    R("warehouse", ("sort-plan",),
      "We brief changes at the handover, before the night shift leaves, so the people who "
      "worked the new plan show the day team. Much quicker than a sheet."),
    # --- scanners and electric vans ------------------------------------------------------
    R("scanners", ("already-delivered",),
      "Also photograph the label next to the scanner screen showing the wrong status. It makes "
      "the investigation much quicker if the customer calls."),
    R("ev", ("range",),
      "Mine drops most on the bypass at 60 - fast roads eat range far more than town stops. On "
      "the town rounds I come back with 40% even in winter."),
    R("ev", ("charger",),
      "Check the emergency stop on the charger post hasn't been knocked - it happened twice at "
      "{site}. Twist it clockwise to release it."),
    R("ev", ("first-month",),
      "The range worry went after about a week, once I saw what I actually came back with. Now "
      "I don't think about it."),
    R("ev", ("public-charging",),
      "Download the network apps before you need them and register the card. Doing it at the "
      "charger in the rain is no fun."),
    # --- safety --------------------------------------------------------------------------
    R("safety", ("near-miss",),
      "Make it easy: we put a QR code on the yard door that goes straight to the form. Reports "
      "tripled, and none of them turned into blame."),
    R("safety", ("reversing",),
      "Use the reversing camera *and* get out and look. Cameras don't show what's low and "
      "close behind the van."),
    R("safety", ("lone",),
      "Tell the depot your round before you leave and check in at your break. If you don't "
      "check in, dispatch rings you. Simple, and it works."),
    R("safety", ("ppe",),
      "Boots are replaced every six months if you ask - don't wait until your feet hurt."),
    # --- airport freight and customs -----------------------------------------------------
    R("airport", ("paperwork",),
      "Check the customs checklist on the hub noticeboard first - for most destinations it's "
      "the invoice, the EORI and a proper description. Anything unusual, ask before the "
      "cut-off, not after."),
    R("airport", ("uld",),
      "Build the base with the heaviest, flattest pieces and don't rush the contour. A "
      "ten-minute rebuild is still cheaper than an offload."),
    R("airport", ("screening",),
      "Keep the shipper's phone number on the manifest for these. Nine times out of ten the "
      "declaration exists, it just didn't travel with the parcel."),
    R("airport", ("cold-chain",),
      "If it goes over the limit, record it - don't hide it. The customer would rather know "
      "and decide than find out later."),
    R("airport", ("lithium",),
      "Look at the sender as well: some marketplace sellers send batteries every week. The "
      "customs team keeps a watch list."),
    R("airport", ("commodity",),
      "The customs specialist at the hub keeps a list of the twenty codes we use most. Ask for "
      "it - it's faster than the lookup."),
    # --- customer service ----------------------------------------------------------------
    R("customer", ("never-arrived",),
      "Check the delivery GPS point as well as the photo - it's on the second tab. If the "
      "driver was at the right address, the trace is usually solved in a day."),
    R("customer", ("calm",),
      "Use their name, slow your voice down and say back what you heard. People calm down when "
      "they feel heard."),
    R("customer", ("refund",),
      "And always put the parcel reference and the photo on the case - it speeds up the claim "
      "if it goes over the limit."),
    R("customer", ("return-label",),
      "If the old screen fails too, the dispatch desk at the customer's nearest depot can book "
      "a collection directly."),
    R("customer", ("stop-promising",),
      "And please don't promise 'before noon' unless it's a timed service. We do our best, "
      "but a round is a round.", voices=DRIVING),
    R("customer", ("customer-ask",),
      "Contact centre here: you can say no politely and we'll back you. 'Sorry, I can't do "
      "that on this service, but you can change the delivery in the app' is all you need. If "
      "they ring us, we say the same.", voices=CONTACT_CENTRE),
    R("customer", ("customer-ask",),
      "Offer what the service does include - a neighbour, a safe place, a locker - rather than "
      "just no. Most customers are fine once they hear there's another option."),
    # --- leadership, courses and cohort --------------------------------------------------
    R("leadership", (),
      "I'll take this to the site managers' meeting on {day} and post what we agree here.",
      voices=LEADERS),
    R("course_hazmat", ("module",),
      "Think of UN3480 as the battery on its own and UN3481 as the battery packed with or "
      "inside the equipment. Most of the pairs work like that: what is it, and what is it "
      "travelling with?"),
    R("course_hazmat", ("segregation",),
      "Practise with the card until you can find any two classes in under ten seconds - that's "
      "all the assessment needs."),
    R("course_customer", ("apology",),
      "Keep it short: one sentence of apology, one of what happens next, one of when they'll "
      "hear from you. Anything longer starts to sound like an excuse."),
    R("cohort", ("feedback",),
      "Ask for their help rather than telling them: 'you've seen more of these than anyone - "
      "how would you tackle it?' It works surprisingly often."),
    R("cohort", ("peers",),
      "Be honest that it's strange for you too. It took the pressure out for my team.",
      voices=TEAM_LEADS),
    R("cohort", ("one-to-ones",),
      "I do them walking the yard at the start of the shift. Not perfect, but people talk more "
      "side by side than across a desk.", voices=TEAM_LEADS),
]  # fmt: skip

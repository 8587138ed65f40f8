"""Questions and discussions from the airport hub, customer service, the leadership spaces, the
courses and the leadership cohort."""

from groundswell.demo.corpus.templates import (
    AIRPORT,
    CONTACT_CENTRE,
    DRIVING,
    FRONTLINE,
    LEAD,
    D,
    Q,
)
from groundswell.demo.corpus.templates import ThreadTemplate as T

NETWORK_THREADS = [
    # --- airport freight and customs -----------------------------------------------------
    T("airport", Q, "What paperwork do we need for {customs_case}?",
      "Got {customs_case} on tonight's flight and the system is asking for documents I've "
      "never seen before. What do we need, and who signs it off?", ("customs",),
      key="paperwork", by=FRONTLINE, askers=AIRPORT),
    T("airport", Q, "ULD build-up: how do you stop {uld_issue}?",
      "We keep getting {uld_issue} on the late wave. It costs us slots and the airline is "
      "starting to complain.\n\nWhat do the experienced builders do differently?",
      ("uld-build-up",), key="uld", askers=AIRPORT),
    T("airport", Q, "Shipment held at screening for {xray_reason} - who do we call?",
      "A consignment was held tonight because of {xray_reason}. The screener wouldn't release "
      "it and the flight closes in forty minutes. Who makes the call, and what do we tell the "
      "customer?", ("x-ray-screening", "customs"), key="screening", by=FRONTLINE, askers=AIRPORT),
    T("airport", Q, "Cold-chain boxes waiting on the apron - how long is too long?",
      "Pharma boxes marked 2-8 °C sat on the apron for {count} minutes tonight because the "
      "aircraft was late. Is there a limit written down, and what do we record?",
      ("cold-chain",), key="cold-chain", by=FRONTLINE, askers=AIRPORT),
    T("airport", D, "Night shift to day shift handover: what would make it smoother?",
      "Every morning the day team finds problems we already knew about at 3am. What should "
      "go into the handover, and in what form - board, sheet, app?", ("uld-build-up",),
      key="handover", askers=AIRPORT),
    T("airport", Q, "How do you spot undeclared lithium batteries in {shipment_kind}?",
      "We've had two undeclared battery finds this month, both in {shipment_kind}. What are "
      "the tell-tale signs before it gets to screening?", ("hazmat", "customs"), key="lithium"),
    T("airport", Q, "Which commodity code do you use for {product}?",
      "I've seen three different codes used for {product} on our declarations. Which one is "
      "right, and where do we check?", ("customs",), key="commodity", by=FRONTLINE, askers=AIRPORT),
    # --- customer service ----------------------------------------------------------------
    T("customer", Q, "Customer says it never arrived but the photo shows {photo_case}",
      "Caller is adamant the parcel never came. The proof-of-delivery photo shows "
      "{photo_case}. What do I offer - redelivery, a claim, or a trace with the depot?",
      ("customer-complaints", "proof-of-delivery"),
      key="never-arrived", by=FRONTLINE, askers=CONTACT_CENTRE),
    T("customer", Q, "How do you calm down a caller who {angry_reason}?",
      "Had a hard one today: the customer {angry_reason}. I followed the script but it made "
      "things worse. What works for you?", ("customer-complaints", "wellbeing"),
      key="calm", by=FRONTLINE, askers=CONTACT_CENTRE),
    T("customer", D, "Which saved replies do you actually use for {cs_topic}?",
      "We have forty-odd saved replies for {cs_topic} and I use about three. Which ones do "
      "you use, and which should we delete?", ("customer-complaints", "returns"),
      key="saved-replies", by=FRONTLINE, askers=CONTACT_CENTRE),
    T("customer", Q, "Damaged parcel: refund straight away or open a claim?",
      "When a customer sends a photo of a damaged parcel, when can I refund on the call and "
      "when do I have to open a claim? I get different answers from different leads.",
      ("damaged-parcels", "customer-complaints"),
      key="refund", by=FRONTLINE, askers=CONTACT_CENTRE),
    T("customer", Q, "Drivers: what should customer service stop promising?",
      "Genuine question from the contact centre. We sometimes promise customers things like "
      "'the driver will call before arriving' and I suspect that makes your day harder. "
      "What should we stop saying?", ("customer-complaints", "delivery-exceptions"),
      key="stop-promising", askers=CONTACT_CENTRE),
    T("customer", Q, "Return label won't generate for {return_case} - workaround?",
      "The portal errors when I try to make a return label for {return_case}. Customer is "
      "waiting on the line. Is there a manual way?", ("returns",),
      key="return-label", by=FRONTLINE, askers=CONTACT_CENTRE),
    T("customer", Q, "Customer asked me to {customer_ask} - what do I say?",
      "Happened again on my round out of {site} today: the customer asked me to "
      "{customer_ask}. I want to be helpful, but I had {count} drops left. What's our line, "
      "and will customer service back me up if they complain?",
      ("customer-complaints", "delivery-exceptions"),
      key="customer-ask", by=FRONTLINE, askers=DRIVING),
    # --- ask the leadership --------------------------------------------------------------
    T("leadership", Q, "Why is the {site} start time moving to {start_time}?",
      "We heard the start time at {site} is moving to {start_time} from next month. Can you "
      "explain the reason, and what happens for people with childcare in the morning?",
      ("rota-planning",), key="start-time", by=FRONTLINE),
    T("leadership", Q, "Will every depot in the {region} region get electric vans?",
      "The pilot vans seem to be working. Is there a plan for the rest of the {region} "
      "region, and will there be chargers at every depot before the vans arrive?",
      ("ev-charging",), key="ev-rollout", by=FRONTLINE),
    T("leadership", Q, "What is the plan for peak cover at {site} this year?",
      "Last peak we relied on agency drivers who didn't know the rounds. Is it the same plan "
      "this year, or will we get more notice and more of our own people?",
      ("peak-season", "rota-planning"), key="peak-cover", by=FRONTLINE),
    T("leadership", Q, "How are round sizes decided?",
      "Rounds at {site} went from about 110 to 130 stops. How is that number decided, and "
      "does anyone look at the areas with flats and no parking?", ("route-planning",),
      key="round-sizes", by=FRONTLINE),
    T("leadership", Q, "Is there a path from driver to team lead in the {region} region?",
      "I've been driving for four years and I'd like to lead a team one day. What does it "
      "take, and is there any training before you get the job?",
      ("leadership", "coaching"), key="career", by=FRONTLINE, askers=DRIVING),
    # --- hazmat course -------------------------------------------------------------------
    T("course_hazmat", Q, "Module {module}: what's the difference between {hazmat_pair}?",
      "Working through module {module} and I keep mixing up {hazmat_pair}. Is there a simple "
      "way to remember it, or a real example from the network?", ("hazmat",),
      key="module", by=FRONTLINE),
    T("course_hazmat", Q, "Do we need the segregation table by heart for the assessment?",
      "The practical is next week. Do we need to know which classes can't travel together "
      "from memory, or can we use the card?", ("hazmat",), key="segregation", by=FRONTLINE),
    T("course_hazmat", D, "Real dangerous goods you've found in ordinary parcels",
      "The course examples are all textbook. What have you actually found in a parcel that "
      "shouldn't have been there? I'll start: {hazmat_find}.", ("hazmat", "damaged-parcels"),
      key="finds"),
    # --- customer care course ------------------------------------------------------------
    T("course_customer", Q, "Week {week} exercise: how would you apologise for {cs_scenario}?",
      "This week's exercise is writing an apology for {cs_scenario}. Mine sounds either robotic "
      "or grovelling. Could someone share how they'd word the first two sentences?",
      ("customer-complaints",), key="apology", by=FRONTLINE),
    T("course_customer", D, "Role-play reflections: what did you find hardest?",
      "After today's role-plays: I found it hardest to stop talking and let the customer "
      "finish. What about you?", ("customer-complaints", "coaching"), key="role-play"),
    # --- leadership cohort ---------------------------------------------------------------
    T("cohort", D, "Giving feedback to a {team_role} who has been here longer than you",
      "One of my team is a {team_role} with twenty years in. I need to talk to them about "
      "{feedback_topic} and I've been putting it off. How would you open that conversation?",
      ("coaching", "leadership"), key="feedback", by=LEAD),
    T("cohort", Q, "Managing people who used to be your peers: how did you handle it?",
      "Three months into leading my old team at {site}. Some of them are fine with it, two "
      "clearly aren't. How did you handle the first months?", ("leadership",),
      key="peers", by=LEAD),
    T("cohort", D, "Action learning set {week}: {cohort_theme}",
      "Notes and questions from our set on {cohort_theme}. What did you try since the last "
      "session, and what would you do differently?", ("leadership", "coaching"),
      key="action-learning", by=LEAD),
    T("cohort", Q, "How do you find time for one-to-ones when {busy_case}?",
      "The programme says monthly one-to-ones with everyone. With {busy_case} I can't see how. "
      "How do the rest of you make it work?", ("coaching", "rota-planning"),
      key="one-to-ones", by=LEAD),
]  # fmt: skip

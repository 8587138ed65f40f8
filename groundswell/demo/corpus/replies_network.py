"""Answers and replies for the airport hub, customer service, leadership spaces, courses and
the cohort, plus replies that fit anywhere and the asker's thanks."""

from groundswell.demo.corpus.templates import (
    COURSE_TEAM,
    DRIVING,
    LEADERS,
    LEARNERS,
    TEAM_LEADS,
)
from groundswell.demo.corpus.templates import ReplyTemplate as R

NETWORK_REPLIES = [
    # --- airport freight and customs -----------------------------------------------------
    R("airport", ("paperwork",),
      "For {customs_case} you need the commercial invoice with a full description (not "
      "'gift' or 'parts') and the sender's EORI. The customs team signs off anything over the "
      "low-value threshold - message them before the flight closes, not after."),
    R("airport", ("commodity",),
      "Use the tariff lookup, not old declarations - half the codes we copy from last year are "
      "out of date. If the description has more than one material, ask customs compliance "
      "before guessing."),
    R("airport", ("uld",),
      "Heavy and dense on the base, build to the contour from the back, and check the profile "
      "with the frame *before* the net goes on. Re-netting is where we lose the time."),
    R("airport", ("screening",),
      "Screening decisions belong to the screening supervisor - we can't overrule them. Ring "
      "the duty customs specialist, get the shipper's declaration emailed over, and if it "
      "can't clear before the flight closes, offload it and tell the customer today rather "
      "than tomorrow."),
    R("airport", ("cold-chain",),
      "The limit is on the label and in the airline's handling notes, usually 30 minutes "
      "outside the cool room. Record the times on the temperature log even if it was fine - "
      "that's what protects us if the customer claims."),
    R("airport", ("lithium",),
      "Weight is the giveaway: small boxes that are heavier than they look, and anything "
      "described as 'electronics accessories'. Ask for the battery declaration before it goes "
      "near screening."),
    R("airport", ("handover",),
      "A written handover that stays on the board until day shift initials it. We trialled it "
      "at the hub for a month and the 7am surprises mostly stopped."),
    # --- customer service ----------------------------------------------------------------
    R("customer", ("never-arrived",),
      "If the photo clearly shows their door, I explain what we can see and open a trace "
      "with the depot - the driver often remembers. If the photo is unclear, I offer the "
      "claim straight away. Arguing about a photo never ends well."),
    R("customer", ("calm",),
      "Let them finish, however long it takes. Then say what you *can* do, not what you "
      "can't. 'I can't promise a time' becomes 'I can get this on tomorrow morning's van'. "
      "And it's fine to take a minute after a call like that."),
    R("customer", ("refund",),
      "Under the claim limit with a photo: refund on the call. Over the limit, or no photo: "
      "open the claim and tell them exactly when they'll hear back. The limit is in the "
      "knowledge base under *damage*."),
    R("customer", ("return-label",),
      "For {return_case}, generate it from the old returns screen - it still works. If that "
      "fails too, email the customer a collection instead of a drop-off label."),
    R("customer", ("stop-promising",),
      "From the driver's side: please stop promising a call before arrival and exact times. "
      "We've got 120 stops and can't ring everyone. 'You'll get a one-hour window by text on "
      "the day' is true and people accept it.", voices=DRIVING),
    R("customer", ("saved-replies",),
      "I only use three: the apology with redelivery, the claim explanation, and the returns "
      "how-to. The rest could go - or be rewritten in plain English."),
    # --- ask the leadership --------------------------------------------------------------
    R("leadership", ("start-time",),
      "Thanks for asking this openly. The change follows the trunk arrival time from the "
      "sort centre, which moved with the new network plan. Anyone for whom it doesn't work "
      "should speak to their site manager this month - we'll look at every case "
      "individually before it starts.", voices=LEADERS),
    R("leadership", ("ev-rollout",),
      "Yes - the pilot results are good and every depot in the region is in the plan over "
      "the next two years. Chargers go in first; no site gets vans before its power supply is "
      "upgraded. I'll share the site order here once it's confirmed.", voices=LEADERS),
    R("leadership", ("peak-cover",),
      "Fair challenge. This year we're recruiting seasonal drivers in September, not "
      "November, and pairing each with one of our own drivers for their first week. Site "
      "managers will publish the peak rota six weeks ahead.", voices=LEADERS),
    R("leadership", ("round-sizes",),
      "Round sizes come from the planning model: stops, drive time and drop density. It does "
      "not know about parking or flats unless you tell it - please raise those through your "
      "team lead and they'll be corrected. Several rounds were adjusted last month that way.",
      voices=LEADERS),
    R("leadership", ("career",),
      "There is. The first step is the team-lead development days, which anyone can ask for "
      "at their review. Several of our current leads started as drivers. Speak to your site "
      "manager - and I'm happy to have a coffee with anyone thinking about it.", voices=LEADERS),
    R("leadership", (),
      "Good question, and I'd rather answer it here than have it go round the yard. Short "
      "version: we're taking this seriously and I'll come back with specifics after the "
      "regional review next week.", voices=LEADERS),
    # --- hazmat course -------------------------------------------------------------------
    R("course_hazmat", ("module",),
      "The easiest way to remember it: 'limited quantity' is about the size of each inner "
      "pack and gets the diamond-shaped LQ mark; 'excepted quantity' is for tiny amounts and "
      "has its own label with the class number. Module {module} slide 14 has the pictures."),
    R("course_hazmat", ("segregation",),
      "You can use the card in the assessment, but you need to know *where* to look quickly. "
      "Practise with the examples at the end of module {module}."),
    R("course_hazmat", ("finds",),
      "Mine: {hazmat_find}. It was only spotted because the box was warm. Trust your nose "
      "and your hands, not the description on the label."),
    R("course_hazmat", (),
      "Great question - I'll add it to the FAQ for the next cohort. Short answer: if in doubt, "
      "quarantine and ask the dangerous goods adviser; nobody will mind being asked.",
      voices=COURSE_TEAM),
    # --- customer care course ------------------------------------------------------------
    R("course_customer", ("apology",),
      "Try: 'I'm sorry - this isn't the experience you should have had with us. Here's what "
      "I'm going to do right now.' Then say it. Own it in the first sentence, act in the "
      "second."),
    R("course_customer", ("role-play",),
      "Same for me: silence. I counted to three in my head before answering and it felt like "
      "forever, but the customer said more in those three seconds than in the whole call.",
      voices=LEARNERS),
    R("course_customer", (),
      "Useful to read everyone's versions. The ones that work all sound like a person talking, "
      "not a policy."),
    # --- leadership cohort ---------------------------------------------------------------
    R("cohort", ("feedback",),
      "Start with what they know that you don't - it's true, and it changes the tone. Then be "
      "specific about {feedback_topic}: one example, what you saw, what you need. Ask how they "
      "see it before you suggest anything."),
    R("cohort", ("peers",),
      "I had the same with my old team at {site}. What helped: one-to-ones with each of them "
      "in the first fortnight, and being clear about what *had* changed and what hadn't. The "
      "two who struggled came round once they saw I wasn't going to play favourites.",
      voices=TEAM_LEADS),
    R("cohort", ("one-to-ones",),
      "Fifteen minutes, standing up, in the yard, every four weeks - on the rota like any "
      "other task. It's not the programme's ideal but it happens, which the ideal didn't.",
      voices=TEAM_LEADS),
    R("cohort", ("action-learning",),
      "Tried this since the last session: {cohort_try}. Mixed results, but the team noticed "
      "- which I think was the point.", voices=TEAM_LEADS),
]  # fmt: skip

# Replies that fit any thread: agreement, a colleague's own experience, a pointer to someone.
ANYWHERE_REPLIES = [
    "Same here at {site}. Following this one.",
    "+1. We had exactly this last month and never got a straight answer.",
    "Good question - I've wondered the same. Would be great to get this written up as a how-to.",
    "Worth asking {supervisor_role} at your site too; ours sorted it in a day once they knew.",
    "We tried something similar at {site}. It worked for a few weeks and then slipped - the "
    "trick is making it somebody's job.",
    "Thanks for raising this. It's not just you.",
]

# The asker coming back to the thread.
THANKS_REPLIES = [
    "Thanks {answerer} - tried this on {day} and it worked.",
    "That's really helpful, thank you. I'll share it with the rest of the team at {site}.",
    "Thanks all. {answerer}'s answer sorted it for me.",
    "Brilliant, thanks {answerer}. Wish I'd asked months ago.",
]

"""What is counted, and by which key. Each scope's limit, `(how many, per seconds)`, comes from
`settings.GROUNDSWELL["RATE_LIMITS"][scope]`; a limit of None switches the scope off."""

# Failed password checks for one username, whatever the address: the lockout.
LOGIN_USERNAME = "login-username"
# Failed password checks from one client address, whatever the username: password spraying.
LOGIN_ADDRESS = "login-address"
# Threads and replies one person posts (thread and reply services).
POSTING = "posting"
# Colleagues one person invites to spaces (space invite service; each invitee counts).
INVITE = "invite"
# Password reset requests from one client address, and for one email address.
PASSWORD_RESET_ADDRESS = "password-reset-address"  # noqa: S105 - a name, not a secret
PASSWORD_RESET_EMAIL = "password-reset-email"  # noqa: S105
# Bad API tokens presented from one client address: token guessing.
TOKEN_FAILURE = "token-failure"  # noqa: S105
# Searches by one person (or address): for the search pages and API.
SEARCH = "search"
# Flags one person raises on posts (moderation flag service).
FLAGGING = "flagging"

ALL = (
    LOGIN_USERNAME,
    LOGIN_ADDRESS,
    POSTING,
    INVITE,
    PASSWORD_RESET_ADDRESS,
    PASSWORD_RESET_EMAIL,
    TOKEN_FAILURE,
    SEARCH,
    FLAGGING,
)

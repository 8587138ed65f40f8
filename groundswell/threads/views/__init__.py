"""Thread pages (`pages`) and the small actions on them (`actions`): votes, replies, follows,
bookmarks and accepted answers, each working with htmx and without JavaScript."""
